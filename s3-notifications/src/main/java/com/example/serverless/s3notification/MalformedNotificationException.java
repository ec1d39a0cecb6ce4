package com.example.serverless.s3notification;

/**
 * A message body that is not an S3 event notification (not JSON, an unknown shape, a missing field), or one a
 * function does not handle. Permanent: it fails its message alone, every time, until the queue's redrive policy
 * moves it to the DLQ for a person to look at.
 */
public class MalformedNotificationException extends RuntimeException {

    public MalformedNotificationException(String message) {
        super(message);
    }

    public MalformedNotificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
