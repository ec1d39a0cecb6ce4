package com.example.serverless.todo.domain;

/** Another request with this Idempotency-Key is being processed: its outcome is not known yet. */
public final class IdempotencyInProgressException extends TodoFailure {

    public IdempotencyInProgressException() {
        super("A request with this Idempotency-Key is still being processed; retry it shortly");
    }
}
