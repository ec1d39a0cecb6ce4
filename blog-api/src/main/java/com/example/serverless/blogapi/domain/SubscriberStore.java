package com.example.serverless.blogapi.domain;

import com.example.serverless.blog.subscriptions.ConfirmationTokens.Confirmation;
import com.example.serverless.blog.subscriptions.SubscriberStatus;
import java.time.Instant;
import java.util.Optional;

public interface SubscriberStore {

    Optional<SubscriberStatus> status(String subscriberId);

    /**
     * Records the request (pending, this nonce) unless the subscriber is confirmed or bounced, or a confirmation was
     * sent to it after {@code cooldownStart}. True when the caller should send the confirmation email.
     */
    boolean requestConfirmation(PendingSubscription request, Instant cooldownStart);

    /** Takes back a request whose email could not be sent, so that the cooldown does not hold back the next one. */
    void forgetConfirmation(PendingSubscription request);

    /** Confirms the subscriber if it is pending with this nonce; false otherwise (used, superseded, unsubscribed). */
    boolean confirm(Confirmation confirmation, Instant at);

    /** Unsubscribes, whatever the status but bounced or complained (those stay suppressed); idempotent. */
    void unsubscribe(String subscriberId, Instant at);
}
