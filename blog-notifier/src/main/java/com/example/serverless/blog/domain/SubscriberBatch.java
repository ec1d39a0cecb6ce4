package com.example.serverless.blog.domain;

import java.util.List;

/**
 * The subscribers found for a page of ids; {@code skipped} counts the rows that made no valid subscriber (the store
 * logs each). Ids with no row at all (deleted since the fan-out) are in neither.
 */
public record SubscriberBatch(List<Subscriber> subscribers, int skipped) {

    public SubscriberBatch {
        subscribers = List.copyOf(subscribers);
        if (skipped < 0) {
            throw new IllegalArgumentException("skipped must not be negative");
        }
    }
}
