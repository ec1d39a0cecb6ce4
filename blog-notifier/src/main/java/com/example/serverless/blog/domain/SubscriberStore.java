package com.example.serverless.blog.domain;

import java.time.Instant;
import java.util.Optional;

/** The subscribers table. */
public interface SubscriberStore {

    /**
     * Confirmed subscribers in id order, from at most {@code limit} rows, starting after {@code afterSubscriberId};
     * a row that makes no valid {@link Subscriber} is skipped and counted, never thrown.
     */
    SubscriberPage confirmed(Optional<String> afterSubscriberId, int limit);

    /**
     * Marks a confirmed subscriber bounced with SES's reason, so no later post is sent to them; a subscriber
     * who has meanwhile unsubscribed stays unsubscribed.
     */
    void recordRejection(String subscriberId, String reason, Instant at);
}
