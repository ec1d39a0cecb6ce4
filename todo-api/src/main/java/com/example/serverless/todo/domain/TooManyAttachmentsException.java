package com.example.serverless.todo.domain;

/** The todo has as many attachments as one may have. */
public final class TooManyAttachmentsException extends TodoFailure {

    public TooManyAttachmentsException(int limit) {
        super("A todo has at most " + limit + " attachments");
    }
}
