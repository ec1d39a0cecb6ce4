package com.example.serverless.todo.domain;

/** An Idempotency-Key was reused for a different request. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException() {
        super("This Idempotency-Key was already used for a different request");
    }
}
