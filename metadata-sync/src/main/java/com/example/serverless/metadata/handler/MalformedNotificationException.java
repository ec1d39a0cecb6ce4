package com.example.serverless.metadata.handler;

/**
 * A message body that is not an S3 event notification we understand (not JSON, an unknown shape, a missing
 * sequencer, an event type the index does not follow). Permanent: it fails its message alone, every time, until
 * the queue's redrive policy moves it to the DLQ for a person to look at.
 */
public class MalformedNotificationException extends RuntimeException {

    public MalformedNotificationException(String message) {
        super(message);
    }

    public MalformedNotificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
