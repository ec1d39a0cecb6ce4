package com.example.serverless.blog.domain;

import java.util.List;
import java.util.Optional;

/** One bounded page of subscribers; {@code nextAfter} is where the next page starts, if there is one. */
public record SubscriberPage(List<Subscriber> subscribers, Optional<String> nextAfter) {

    public SubscriberPage {
        subscribers = List.copyOf(subscribers);
    }
}
