package com.example.serverless.todo.domain;

/** A change was sent without If-Match: we refuse lost updates rather than guess (RFC 6585, 428). */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException() {
        super("Send If-Match with the ETag of the version you are changing");
    }
}
