package com.example.serverless.blog.domain;

import java.util.Arrays;
import java.util.Locale;

/** Only confirmed subscribers get mail; bounced ones were rejected by SES and are not tried again. */
public enum SubscriberStatus {
    CONFIRMED, UNSUBSCRIBED, BOUNCED;

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
