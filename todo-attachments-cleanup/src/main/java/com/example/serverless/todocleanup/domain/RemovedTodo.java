package com.example.serverless.todocleanup.domain;

import java.util.List;
import java.util.Objects;

/** A todo the todo API deleted, as its last stored version listed it: whose, which, and its attachments' object keys. */
public record RemovedTodo(String ownerId, String todoId, List<String> attachmentKeys) {

    public RemovedTodo {
        if (ownerId == null || ownerId.isBlank() || todoId == null || todoId.isBlank()) {
            throw new IllegalArgumentException("A removed todo names its owner and its id");
        }
        attachmentKeys = List.copyOf(Objects.requireNonNull(attachmentKeys, "attachmentKeys"));
    }

    /** Where the todo API puts this todo's attachments: {@code users/{owner}/todos/{todo}/}. */
    public String keyPrefix() {
        return "users/" + ownerId + "/todos/" + todoId + "/";
    }
}
