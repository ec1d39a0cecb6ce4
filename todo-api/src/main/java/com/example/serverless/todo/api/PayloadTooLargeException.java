package com.example.serverless.todo.api;

public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(int limit) {
        super("The request body is larger than " + limit + " bytes");
    }
}
