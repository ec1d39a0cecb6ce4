package com.example.serverless.email;

import java.util.Map;
import java.util.Optional;

/**
 * One rendered email for one recipient. {@code tags} travel as SES message tags, which SES names back in its
 * bounce and complaint events; {@code oneClickUnsubscribeUrl}, when present, becomes the RFC 8058 headers that
 * bulk mail must carry.
 */
public record Email(String to, String subject, String htmlBody, String textBody, Map<String, String> tags,
        Optional<String> oneClickUnsubscribeUrl) {

    public Email {
        if (to == null || subject == null || htmlBody == null || textBody == null) {
            throw new IllegalArgumentException("An email needs a recipient, a subject and both bodies");
        }
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        oneClickUnsubscribeUrl = oneClickUnsubscribeUrl == null ? Optional.empty() : oneClickUnsubscribeUrl;
    }
}
