package com.example.serverless.email;

/** SES refused the recipient's address itself (malformed): permanent for that recipient, never for the others. */
public class RecipientRejectedException extends RuntimeException {

    public RecipientRejectedException(String message) {
        super(message);
    }

    public RecipientRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
