package com.example.serverless.reminders.domain;

import java.time.Instant;

/**
 * One entry per (todo, due date): the guard that makes each reminder go out at most once, however often the
 * schedule fires, a run is retried, or the same todo is seen on the day before and on the day itself.
 */
public interface ReminderLedger {

    /**
     * Claims the right to remind. True for exactly one caller (until the entry expires); false if it was claimed
     * before, whether or not that send finished.
     */
    boolean claimOnce(ReminderKey key, Instant at);

    /** SES accepted the email. */
    void markSent(ReminderKey key, String messageId, Instant at);

    /** Nobody will be reminded for this key (the user is gone, the address is unusable or refused for good). */
    void markSkipped(ReminderKey key, SkipReason reason, Instant at);

    /**
     * Gives a claim back when SES certainly took nothing (throttled, sending blocked) or the address could not be
     * looked up for now, so that a later run sends it. Only an unfinished claim is released.
     */
    void release(ReminderKey key);
}
