package com.example.serverless.blogapi.domain;

/** No such post, or not published. */
public class PostNotFoundException extends RuntimeException {

    public PostNotFoundException(String message) {
        super(message);
    }
}
