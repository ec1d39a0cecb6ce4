package com.example.serverless.reminders.domain;

/** The user directory could not answer for now: transient, the run fails and a retry or the next run continues. */
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
