package com.example.serverless.todo.domain;

/** An Idempotency-Key was reused for a different request. */
public final class IdempotencyConflictException extends TodoFailure {

    public IdempotencyConflictException() {
        super("This Idempotency-Key was already used for a different request");
    }
}
