package com.example.serverless.blog.domain;

/** An unsubscribe token that this service did not issue, was altered, or has expired. */
public class InvalidUnsubscribeTokenException extends RuntimeException {

    public InvalidUnsubscribeTokenException(String message) {
        super(message);
    }
}
