package com.example.serverless.blogapi.domain;

/** Not a cursor this API returned. */
public class BadCursorException extends RuntimeException {

    public BadCursorException(String message) {
        super(message);
    }
}
