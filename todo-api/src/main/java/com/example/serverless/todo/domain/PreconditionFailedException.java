package com.example.serverless.todo.domain;

/** The caller's If-Match names a version that is no longer current: someone else changed the todo. */
public final class PreconditionFailedException extends TodoFailure {

    public PreconditionFailedException(String todoId, long currentVersion) {
        super("Todo " + todoId + " is at version " + currentVersion + ", which the If-Match header does not name");
    }
}
