package com.example.serverless.blog.domain;

/** SES refused the recipient's address itself (malformed): permanent for this subscriber, who is marked bounced. */
public class RecipientRejectedException extends RuntimeException {

    public RecipientRejectedException(String message) {
        super(message);
    }

    public RecipientRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
