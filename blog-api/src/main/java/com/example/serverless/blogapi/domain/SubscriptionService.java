package com.example.serverless.blogapi.domain;

import com.example.serverless.blog.subscriptions.ConfirmationTokens;
import com.example.serverless.blog.subscriptions.ConfirmationTokens.Confirmation;
import com.example.serverless.blog.subscriptions.SubscriberIds;
import com.example.serverless.blog.subscriptions.SubscriberStatus;
import com.example.serverless.blog.subscriptions.UnsubscribeTokens;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Double opt-in. A request answers the same whatever the address's state (no enumeration) and mails a confirmation
 * link at most once per cooldown per address; following the link confirms once; an unsubscribe link works until it
 * expires, as often as it is followed.
 */
public class SubscriptionService {

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SubscriberStore store;
    private final ConfirmationMailer mailer;
    private final ConfirmationTokens confirmations;
    private final UnsubscribeTokens unsubscribes;
    private final Duration cooldown;
    private final Clock clock;

    public SubscriptionService(SubscriberStore store, ConfirmationMailer mailer, ConfirmationTokens confirmations,
            UnsubscribeTokens unsubscribes, Duration cooldown, Clock clock) {
        this.store = store;
        this.mailer = mailer;
        this.confirmations = confirmations;
        this.unsubscribes = unsubscribes;
        this.cooldown = cooldown;
        this.clock = clock;
    }

    /** @param linkBase where the confirmation page is: {@code <linkBase>/confirm?token=} */
    public void subscribe(String email, Set<String> tags, URI linkBase) {
        String address = email.strip();
        String subscriberId = SubscriberIds.ofAddress(address);
        SubscriberStatus status = store.status(subscriberId).orElse(SubscriberStatus.PENDING);
        if (status == SubscriberStatus.CONFIRMED || status.suppressed()) {
            LOG.infof("Subscription request for %s: %s, no email sent", subscriberId, status);
            return;
        }
        Instant now = clock.instant();
        String nonce = HexFormat.of().formatHex(randomBytes());
        PendingSubscription request = new PendingSubscription(subscriberId, address, tags, nonce, now);
        if (!store.requestConfirmation(request, now.minus(cooldown))) {
            LOG.infof("Subscription request for %s within the cooldown, no email sent", subscriberId);
            return;
        }
        String token = confirmations.issue(new Confirmation(subscriberId, nonce), now);
        String base = linkBase.toString().replaceAll("/+$", "");
        try {
            mailer.sendConfirmation(address, URI.create(base + "/confirm?token=" + token));
        } catch (RuntimeException notSent) {
            store.forgetConfirmation(request);
            throw notSent;
        }
    }

    public void confirm(String token) {
        Instant now = clock.instant();
        Confirmation confirmation = confirmations.verify(token, now);
        if (!store.confirm(confirmation, now)) {
            throw new LinkUsedException();
        }
    }

    public void unsubscribe(String token) {
        Instant now = clock.instant();
        store.unsubscribe(unsubscribes.verify(token, now), now);
    }

    /** Checks a confirmation link without using it (the page before the button). */
    public void checkConfirmationLink(String token) {
        confirmations.verify(token, clock.instant());
    }

    /** Checks an unsubscribe link without using it (the page before the button). */
    public void checkUnsubscribeLink(String token) {
        unsubscribes.verify(token, clock.instant());
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
