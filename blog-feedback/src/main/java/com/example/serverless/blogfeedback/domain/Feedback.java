package com.example.serverless.blogfeedback.domain;

import java.time.Instant;
import java.util.List;

/**
 * What an SES event says about the recipients of one email: a bounce (permanent: the address does not take mail;
 * transient: it may later), a complaint (the reader marked it as spam), or something this function does not act on.
 */
public record Feedback(Kind kind, List<Recipient> recipients, String detail, Instant at) {

    public enum Kind { PERMANENT_BOUNCE, TRANSIENT_BOUNCE, COMPLAINT, OTHER }

    /** A recipient, named by the email's subscriberId tag where it has one, and by address. */
    public record Recipient(String subscriberId, String email) {
    }

    public Feedback {
        recipients = List.copyOf(recipients);
    }
}
