package com.example.serverless.email;

/**
 * SES sent nothing, for a reason that is not the recipient's: the message, our sender, the account (suspended,
 * paused, in the sandbox), a limit or the configuration. Every email from this sender would fail alike, so no
 * recipient may be blamed: the caller fails the work (to be retried, and finally parked in a dead-letter queue until
 * someone acts).
 */
public class SendingBlockedException extends RuntimeException {

    public SendingBlockedException(String message) {
        super(message);
    }

    public SendingBlockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
