package com.example.serverless.blog.domain;

import com.example.serverless.blog.subscriptions.Announcement;
import com.example.serverless.blog.subscriptions.UnsubscribeTokens;
import com.example.serverless.email.Deadline;
import com.example.serverless.email.Email;
import com.example.serverless.email.MailThrottledException;
import com.example.serverless.email.Mailer;
import com.example.serverless.email.RecipientRejectedException;
import com.example.serverless.email.SendingBlockedException;
import com.example.serverless.email.ThrottledSendRetry;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Sends one send-queue message: a published post to one page of subscribers, one email each, at most once.
 *
 * <p>The page's subscribers are read again, consistently, so whoever unsubscribed or bounced since the fan-out gets
 * nothing. For each, the ledger entry (post, subscriber) is claimed with a conditional put BEFORE SES is called,
 * and marked sent with SES's message id after. A redelivered message therefore skips everyone already claimed and
 * continues with the rest. The price is the crash window: if the process dies after a claim and before SES answers,
 * that one email is not sent (the claim stays "claimed", visible in the ledger) rather than possibly sent twice.
 * Failures that prove SES took nothing (throttling; a refusal of the message, our sender or the account) give the
 * claim back before the message fails, so its retry sends it; such a refusal would hit every subscriber alike, so it
 * bounces nobody. Only a refusal of the recipient's own address bounces that one subscriber.
 */
public final class AnnouncementSender {

    private static final Logger LOG = Logger.getLogger(AnnouncementSender.class);

    private final SubscriberStore subscribers;
    private final DeliveryLedger ledger;
    private final Mailer mailer;
    private final EmailRenderer renderer;
    private final UnsubscribeTokens tokens;
    private final ThrottledSendRetry retry;
    private final Clock clock;
    private final Duration safetyMargin;

    public AnnouncementSender(SubscriberStore subscribers, DeliveryLedger ledger, Mailer mailer, EmailRenderer renderer,
            UnsubscribeTokens tokens, ThrottledSendRetry retry, Clock clock, Duration safetyMargin) {
        this.subscribers = subscribers;
        this.ledger = ledger;
        this.mailer = mailer;
        this.renderer = renderer;
        this.tokens = tokens;
        this.retry = retry;
        this.clock = clock;
        this.safetyMargin = safetyMargin;
    }

    public NotificationResult send(Announcement announcement, Deadline deadline) {
        int sent = 0;
        int alreadyClaimed = 0;
        int rejected = 0;
        int notInterested = 0;
        SubscriberBatch batch = subscribers.find(announcement.subscriberIds());
        for (Subscriber subscriber : batch.subscribers()) {
            if (!subscriber.wants(announcement.tags())) {
                notInterested++;
                continue;
            }
            // Never claim what there is no time left to send: a claim cut off by the timeout is a lost email.
            if (deadline.remaining().compareTo(safetyMargin) < 0) {
                throw new OutOfTimeException("Stopped announcing post " + announcement.postId() + " after " + sent
                        + " emails: the invocation is about to time out; the retry continues");
            }
            if (!ledger.claimOnce(announcement.postId(), subscriber.subscriberId(), clock.instant())) {
                alreadyClaimed++;
                continue;
            }
            if (deliver(announcement, subscriber, deadline)) {
                sent++;
            } else {
                rejected++;
            }
        }
        int gone = announcement.subscriberIds().size() - batch.subscribers().size() - batch.skipped();
        return new NotificationResult(sent, alreadyClaimed, rejected, notInterested + gone, batch.skipped());
    }

    /**
     * True if SES accepted the email, false if it rejected the recipient for good. A
     * {@link com.example.serverless.email.DeliveryOutcomeUnknownException} propagates with the claim kept: SES may
     * have the email already.
     */
    private boolean deliver(Announcement announcement, Subscriber subscriber, Deadline deadline) {
        Email email = renderer.render(announcement, subscriber, tokens.issue(subscriber.subscriberId(), clock.instant()));
        try {
            String messageId = retry.send(mailer, email, deadline);
            ledger.markSent(announcement.postId(), subscriber.subscriberId(), messageId, clock.instant());
            return true;
        } catch (RecipientRejectedException refused) {
            ledger.markRejected(announcement.postId(), subscriber.subscriberId(), refused.getMessage(), clock.instant());
            subscribers.recordRejection(subscriber.subscriberId(), refused.getMessage(), clock.instant());
            LOG.warnf("SES rejected subscriber %s for post %s; marked bounced", subscriber.subscriberId(),
                    announcement.postId());
            return false;
        } catch (MailThrottledException | SendingBlockedException nothingSent) {
            ledger.release(announcement.postId(), subscriber.subscriberId());
            throw nothingSent;
        }
    }
}
