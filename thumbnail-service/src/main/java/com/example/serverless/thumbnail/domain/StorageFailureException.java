package com.example.serverless.thumbnail.domain;

/**
 * The storage did not answer as expected (5xx, throttling, I/O, missing permission): not the image's fault.
 * It propagates out of the handler so that Lambda retries the event and then hands it to the on-failure
 * destination.
 */
public final class StorageFailureException extends RuntimeException {

    public StorageFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
