package com.example.serverless.blog.subscriptions;

import java.util.Arrays;
import java.util.Locale;

/**
 * A subscriber's state, in the subscribers table and its {@code byStatus} index. PENDING until the double opt-in link
 * is followed; only CONFIRMED subscribers get mail; BOUNCED ones were rejected by SES and are not tried again;
 * COMPLAINED ones marked an email as spam: they get nothing, not even a confirmation request.
 */
public enum SubscriberStatus {
    PENDING, CONFIRMED, UNSUBSCRIBED, BOUNCED, COMPLAINED;

    /** Mail never goes there again, whatever is asked. */
    public boolean suppressed() {
        return this == BOUNCED || this == COMPLAINED;
    }

    /** The value stored in the subscribers table and its status index. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SubscriberStatus fromWireName(String value) {
        return Arrays.stream(values())
                .filter(status -> status.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown subscriber status " + value));
    }
}
