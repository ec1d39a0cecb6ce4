package com.example.serverless.blog.domain;

/** SES refused this recipient (MessageRejected, BadRequest for the address): permanent for this subscriber. */
public class RecipientRejectedException extends RuntimeException {

    public RecipientRejectedException(String message) {
        super(message);
    }

    public RecipientRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
