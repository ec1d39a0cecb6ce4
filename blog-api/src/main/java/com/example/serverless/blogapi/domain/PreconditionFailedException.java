package com.example.serverless.blogapi.domain;

/** The post has changed since it was read. */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String message) {
        super(message);
    }
}
