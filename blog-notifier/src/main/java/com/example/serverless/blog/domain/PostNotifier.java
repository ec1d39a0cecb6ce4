package com.example.serverless.blog.domain;

import com.example.serverless.blog.subscriptions.UnsubscribeTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Announces a newly published post to every confirmed subscriber who wants it, one email each, at most once.
 *
 * <p>Subscribers are read a bounded page at a time. For each, the ledger entry (post, subscriber) is claimed
 * with a conditional put BEFORE SES is called, and marked sent with SES's message id after. A redelivered or
 * retried record therefore skips everyone already claimed and continues with the rest. The price is the crash
 * window: if the process dies after a claim and before SES answers, that one email is not sent (the claim
 * stays "claimed", visible in the ledger) rather than possibly sent twice. Failures that prove SES took nothing
 * (throttling; a refusal of the message, our sender or the account) give the claim back before the record fails, so
 * the retry sends it; such a refusal would hit every subscriber alike, so it bounces nobody. Only a refusal of the
 * recipient's own address bounces that one subscriber.
 */
public final class PostNotifier {

    private static final Logger LOG = Logger.getLogger(PostNotifier.class);

    private final SubscriberStore subscribers;
    private final DeliveryLedger ledger;
    private final Mailer mailer;
    private final EmailRenderer renderer;
    private final UnsubscribeTokens tokens;
    private final ThrottledSendRetry retry;
    private final Clock clock;
    private final int pageSize;
    private final Duration safetyMargin;

    public PostNotifier(SubscriberStore subscribers, DeliveryLedger ledger, Mailer mailer, EmailRenderer renderer,
            UnsubscribeTokens tokens, ThrottledSendRetry retry, Clock clock, int pageSize, Duration safetyMargin) {
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("The subscriber page size must be between 1 and 1000");
        }
        this.subscribers = subscribers;
        this.ledger = ledger;
        this.mailer = mailer;
        this.renderer = renderer;
        this.tokens = tokens;
        this.retry = retry;
        this.clock = clock;
        this.pageSize = pageSize;
        this.safetyMargin = safetyMargin;
    }

    public NotificationResult announce(Post post, Deadline deadline) {
        int sent = 0;
        int alreadyClaimed = 0;
        int rejected = 0;
        int notInterested = 0;
        int skipped = 0;
        Optional<String> after = Optional.empty();
        do {
            SubscriberPage page = subscribers.confirmed(after, pageSize);
            skipped += page.skipped();
            for (Subscriber subscriber : page.subscribers()) {
                if (!subscriber.wants(post)) {
                    notInterested++;
                    continue;
                }
                // Never claim what there is no time left to send: a claim cut off by the timeout is a lost email.
                if (deadline.remaining().compareTo(safetyMargin) < 0) {
                    throw new OutOfTimeException("Stopped announcing post " + post.postId() + " after " + sent
                            + " emails: the invocation is about to time out; the retry continues");
                }
                if (!ledger.claimOnce(post.postId(), subscriber.subscriberId(), clock.instant())) {
                    alreadyClaimed++;
                    continue;
                }
                if (deliver(post, subscriber, deadline)) {
                    sent++;
                } else {
                    rejected++;
                }
            }
            after = page.nextAfter();
        } while (after.isPresent());
        return new NotificationResult(sent, alreadyClaimed, rejected, notInterested, skipped);
    }

    /**
     * True if SES accepted the email, false if it rejected the recipient for good. A
     * {@link DeliveryOutcomeUnknownException} propagates with the claim kept: SES may have the email already.
     */
    private boolean deliver(Post post, Subscriber subscriber, Deadline deadline) {
        Email email = renderer.render(post, subscriber, tokens.issue(subscriber.subscriberId(), clock.instant()));
        try {
            String messageId = retry.send(mailer, email, deadline);
            ledger.markSent(post.postId(), subscriber.subscriberId(), messageId, clock.instant());
            return true;
        } catch (RecipientRejectedException rejected) {
            ledger.markRejected(post.postId(), subscriber.subscriberId(), rejected.getMessage(), clock.instant());
            subscribers.recordRejection(subscriber.subscriberId(), rejected.getMessage(), clock.instant());
            LOG.warnf("SES rejected subscriber %s for post %s; marked bounced", subscriber.subscriberId(), post.postId());
            return false;
        } catch (MailThrottledException | SendingBlockedException nothingSent) {
            ledger.release(post.postId(), subscriber.subscriberId());
            throw nothingSent;
        }
    }
}
