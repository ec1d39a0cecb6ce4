package com.example.serverless.blog.domain;

import java.time.Instant;
import java.util.List;

/** The subscribers table. */
public interface SubscriberStore {

    /**
     * The current rows of these subscribers (at most 100 ids), read consistently, in the order given; a row that makes
     * no valid {@link Subscriber} is skipped and counted, never thrown.
     */
    SubscriberBatch find(List<String> subscriberIds);

    /**
     * Marks a confirmed subscriber bounced with SES's reason, so no later post is sent to them; a subscriber
     * who has meanwhile unsubscribed stays unsubscribed.
     */
    void recordRejection(String subscriberId, String reason, Instant at);
}
