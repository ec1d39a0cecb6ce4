package com.example.serverless.blog.domain;

/** The invocation has too little time left to send another email safely: the record is failed and retried, and the retry continues where this one stopped. */
public class OutOfTimeException extends RuntimeException {

    public OutOfTimeException(String message) {
        super(message);
    }

    public OutOfTimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
