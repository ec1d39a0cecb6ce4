package com.example.serverless.blogfanout.domain;

/** The post item cannot be announced as it is (no title, no id): permanent, retrying will not help. */
public class InvalidPostException extends RuntimeException {

    public InvalidPostException(String message) {
        super(message);
    }
}
