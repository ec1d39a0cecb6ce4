package com.example.serverless.todo.domain;

/** A change was sent without If-Match: we refuse lost updates rather than guess (RFC 6585, 428). */
public final class PreconditionRequiredException extends TodoFailure {

    public PreconditionRequiredException() {
        super("Send If-Match with the ETag of the version you are changing");
    }
}
