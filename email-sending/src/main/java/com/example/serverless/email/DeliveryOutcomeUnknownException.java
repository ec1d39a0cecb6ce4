package com.example.serverless.email;

/** The send failed in transit (timeout, connection reset, 5xx): SES may or may not have taken the email, so it must not be sent again. */
public class DeliveryOutcomeUnknownException extends RuntimeException {

    public DeliveryOutcomeUnknownException(String message) {
        super(message);
    }

    public DeliveryOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
