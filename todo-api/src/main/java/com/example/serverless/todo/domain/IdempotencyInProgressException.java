package com.example.serverless.todo.domain;

/** Another request with this Idempotency-Key is being processed: its outcome is not known yet. */
public class IdempotencyInProgressException extends RuntimeException {

    public IdempotencyInProgressException() {
        super("A request with this Idempotency-Key is still being processed; retry it shortly");
    }
}
