package com.example.serverless.todo.domain;

/** The todo has as many attachments as one may have. */
public class TooManyAttachmentsException extends RuntimeException {

    public TooManyAttachmentsException(int limit) {
        super("A todo has at most " + limit + " attachments");
    }
}
