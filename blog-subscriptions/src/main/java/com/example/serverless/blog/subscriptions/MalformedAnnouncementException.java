package com.example.serverless.blog.subscriptions;

/** A send-queue message that is no announcement: retrying cannot help, it ends in the dead-letter queue. */
public class MalformedAnnouncementException extends RuntimeException {

    public MalformedAnnouncementException(String message, Throwable cause) {
        super(message, cause);
    }
}
