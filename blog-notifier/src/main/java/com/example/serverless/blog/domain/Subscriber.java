package com.example.serverless.blog.domain;

import com.example.serverless.blog.subscriptions.SubscriberStatus;
import com.example.serverless.email.EmailAddress;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;

/** A reader who may get announcements; {@code tags} are the topics they asked for (empty: every post). */
public record Subscriber(String subscriberId, String email, SubscriberStatus status, Set<String> tags) {

    public Subscriber {
        if (subscriberId == null || subscriberId.isBlank()) {
            throw new IllegalArgumentException("A subscriber needs an id");
        }
        // The messages name no address: the store logs them when it skips a malformed row.
        if (email == null) {
            throw new IllegalArgumentException("Subscriber " + subscriberId + " has no email address");
        }
        if (!EmailAddress.isWellFormed(email)) {
            throw new IllegalArgumentException("Subscriber " + subscriberId + " has an email address that is not well-formed");
        }
        Objects.requireNonNull(status, "status");
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    /** Confirmed, and either interested in everything or in at least one of the post's tags. */
    public boolean wants(Set<String> postTags) {
        return status == SubscriberStatus.CONFIRMED
                && (tags.isEmpty() || !Collections.disjoint(tags, postTags));
    }
}
