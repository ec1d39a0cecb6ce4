package com.example.serverless.blogapi.domain;

/** The post cannot be changed that way. */
public class PostConflictException extends RuntimeException {

    public PostConflictException(String message) {
        super(message);
    }
}
