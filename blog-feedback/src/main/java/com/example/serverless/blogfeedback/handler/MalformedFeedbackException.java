package com.example.serverless.blogfeedback.handler;

/** A message that is no SES event this function reads: it fails alone, and after the queue's retries waits in the DLQ. */
public class MalformedFeedbackException extends RuntimeException {

    public MalformedFeedbackException(String message) {
        super(message);
    }
}
