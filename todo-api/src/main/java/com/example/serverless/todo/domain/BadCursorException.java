package com.example.serverless.todo.domain;

/** A pagination cursor that this service did not issue for this caller and filter. */
public class BadCursorException extends RuntimeException {

    public BadCursorException(String reason) {
        super(reason);
    }
}
