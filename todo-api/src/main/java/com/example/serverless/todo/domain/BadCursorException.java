package com.example.serverless.todo.domain;

/** A pagination cursor that this service did not issue for this caller and filter. */
public final class BadCursorException extends TodoFailure {

    public BadCursorException(String reason) {
        super(reason);
    }
}
