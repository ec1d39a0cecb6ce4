package com.example.serverless.blog.domain;

/** SES refuses all sending (account suspended, sending paused, quota exceeded, unverified identity): nothing was sent; an operator must act, the record is retried and finally parked in the on-failure queue. */
public class SendingBlockedException extends RuntimeException {

    public SendingBlockedException(String message) {
        super(message);
    }

    public SendingBlockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
