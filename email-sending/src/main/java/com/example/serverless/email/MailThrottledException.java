package com.example.serverless.email;

/** SES is throttling (TooManyRequests): nothing was sent, the same call may succeed a moment later. */
public class MailThrottledException extends RuntimeException {

    public MailThrottledException(String message) {
        super(message);
    }

    public MailThrottledException(String message, Throwable cause) {
        super(message, cause);
    }
}
