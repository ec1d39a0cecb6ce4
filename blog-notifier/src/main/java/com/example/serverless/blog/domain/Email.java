package com.example.serverless.blog.domain;

/** One rendered announcement for one subscriber. */
public record Email(String to, String subject, String htmlBody, String textBody, String unsubscribeUrl) {

    public Email {
        if (to == null || subject == null || htmlBody == null || textBody == null || unsubscribeUrl == null) {
            throw new IllegalArgumentException("An email needs a recipient, a subject, both bodies and an unsubscribe link");
        }
    }
}
