package com.example.serverless.todo.api;

/** The request carries no verified caller identity. */
public class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException() {
        super("The request has no verified caller identity");
    }
}
