package com.example.serverless.blog.domain;

import java.util.List;
import java.util.Optional;

/**
 * One bounded page of subscribers; {@code skipped} counts the rows of the page that made no valid subscriber (the
 * store logs each); {@code nextAfter} is where the next page starts, if there is one.
 */
public record SubscriberPage(List<Subscriber> subscribers, int skipped, Optional<String> nextAfter) {

    public SubscriberPage {
        subscribers = List.copyOf(subscribers);
        if (skipped < 0) {
            throw new IllegalArgumentException("skipped must not be negative");
        }
    }
}
