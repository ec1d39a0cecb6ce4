package com.example.serverless.blogapi.domain;

import java.time.Instant;
import java.util.Set;

/** A subscription request waiting for its confirmation link to be followed; {@code nonce} names this request. */
public record PendingSubscription(String subscriberId, String email, Set<String> tags, String nonce, Instant requestedAt) {

    public PendingSubscription {
        tags = Set.copyOf(tags);
    }
}
