package com.example.serverless.blog.domain;

/**
 * SES sent nothing, for a reason that is not the recipient's: the message, our sender, the account (suspended,
 * paused, in the sandbox), a limit or the configuration. Every email of the post would fail alike, so nobody is
 * bounced: the claim is given back and the record fails, is retried, and is finally parked in the on-failure queue
 * until someone acts.
 */
public class SendingBlockedException extends RuntimeException {

    public SendingBlockedException(String message) {
        super(message);
    }

    public SendingBlockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
