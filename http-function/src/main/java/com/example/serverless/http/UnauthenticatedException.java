package com.example.serverless.http;

/** The request carries no verified caller identity. */
public class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException() {
        super("The request has no verified caller identity");
    }
}
