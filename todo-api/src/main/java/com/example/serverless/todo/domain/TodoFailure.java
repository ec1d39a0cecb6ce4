package com.example.serverless.todo.domain;

/**
 * Every way a request can break the todo rules. Sealed, so the API's one mapper (an exhaustive switch) gives each its
 * problem, and a new failure that has none does not compile.
 */
public abstract sealed class TodoFailure extends RuntimeException
        permits BadCursorException, IdempotencyConflictException, IdempotencyInProgressException,
        PreconditionFailedException, PreconditionRequiredException, TodoNotFoundException, TooManyAttachmentsException,
        ValidationException {

    protected TodoFailure(String message) {
        super(message);
    }
}
