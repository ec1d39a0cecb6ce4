package com.example.serverless.metadata.domain;

/**
 * A failure that may pass on its own (throttling, a 5xx, a timeout): the message is reported as failed and SQS
 * delivers it again after the visibility timeout.
 */
public class TransientFailureException extends RuntimeException {

    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
