package com.example.serverless.blog.domain;

/** One rendered announcement for one subscriber; {@code subscriberId} travels as an SES message tag. */
public record Email(String subscriberId, String to, String subject, String htmlBody, String textBody, String unsubscribeUrl) {

    public Email {
        if (subscriberId == null || to == null || subject == null || htmlBody == null || textBody == null || unsubscribeUrl == null) {
            throw new IllegalArgumentException("An email needs a recipient, a subject, both bodies and an unsubscribe link");
        }
    }
}
