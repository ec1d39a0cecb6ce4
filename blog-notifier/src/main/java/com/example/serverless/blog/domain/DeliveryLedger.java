package com.example.serverless.blog.domain;

import java.time.Instant;

/**
 * One entry per (post, subscriber): the guard that makes each announcement go out at most once, however often
 * the stream delivers the post.
 */
public interface DeliveryLedger {

    /**
     * Claims the right to send this post to this subscriber. True for exactly one caller, ever (until the entry
     * expires); false if it was claimed before, whether or not that send finished.
     */
    boolean claimOnce(String postId, String subscriberId, Instant at);

    /** SES accepted the email. */
    void markSent(String postId, String subscriberId, String messageId, Instant at);

    /** SES refused the recipient's address for good. */
    void markRejected(String postId, String subscriberId, String reason, Instant at);

    /**
     * Gives a claim back when SES certainly did not accept the email (throttled, or refused for the message, sender or account), so that the
     * retry of the record sends it. Only an unfinished claim is released.
     */
    void release(String postId, String subscriberId);
}
