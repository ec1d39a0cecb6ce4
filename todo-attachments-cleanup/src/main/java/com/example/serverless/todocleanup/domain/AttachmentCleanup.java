package com.example.serverless.todocleanup.domain;

/**
 * Deletes a removed todo's attachment objects. Idempotent: deleting a missing object succeeds, so a redelivered
 * record does the same again harmlessly. Only keys under the todo's own prefix are deleted: the key comes from a
 * stored item, and a key naming another user's object must never make this function delete it.
 */
public class AttachmentCleanup {

    private final AttachmentObjects objects;

    public AttachmentCleanup(AttachmentObjects objects) {
        this.objects = objects;
    }

    public CleanupResult cleanUp(RemovedTodo todo) {
        int deleted = 0;
        int foreign = 0;
        for (String key : todo.attachmentKeys()) {
            if (key.startsWith(todo.keyPrefix()) && !key.contains("/../")) {
                objects.delete(key);
                deleted++;
            } else {
                foreign++;
            }
        }
        return new CleanupResult(deleted, foreign);
    }
}
