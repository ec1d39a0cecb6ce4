package com.example.serverless.blogfeedback.domain;

import java.time.Instant;

/** Where feedback is written: the subscribers table, which blog-notifier queries for confirmed subscribers only. */
public interface SubscriberMarks {

    /** A confirmed or pending subscriber becomes bounced; true if it was one. */
    boolean markBounced(String subscriberId, String reason, Instant at);

    /** A confirmed or pending subscriber becomes complained (no more mail, ever); true if it was one. */
    boolean markComplained(String subscriberId, Instant at);
}
