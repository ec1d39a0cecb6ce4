package com.example.serverless.blogfanout.domain;

import com.example.serverless.blog.subscriptions.Announcement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one publication into send-queue messages: one {@link Announcement} per page of confirmed subscribers,
 * enqueued ten at a time. Nothing is mailed here, so a post with a hundred thousand readers costs this function
 * a thousand index reads and a hundred SQS calls, and the shard moves on.
 *
 * <p>A stream retry after a partial fan-out enqueues the pages again; the sender's ledger (one claim per post and
 * subscriber) makes the duplicates send nothing, so enqueuing is at-least-once on purpose.
 */
public final class FanOut {

    private final RecipientIds recipients;
    private final SendQueue queue;
    private final int recipientsPerMessage;

    public FanOut(RecipientIds recipients, SendQueue queue, int recipientsPerMessage) {
        if (recipientsPerMessage < 1 || recipientsPerMessage > Announcement.MAX_RECIPIENTS) {
            throw new IllegalArgumentException("Recipients per message must be between 1 and " + Announcement.MAX_RECIPIENTS);
        }
        this.recipients = recipients;
        this.queue = queue;
        this.recipientsPerMessage = recipientsPerMessage;
    }

    public FanOutResult announce(Post post) {
        int messages = 0;
        int recipientCount = 0;
        List<Announcement> pending = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            RecipientIds.IdPage page = recipients.confirmed(after, recipientsPerMessage);
            if (!page.subscriberIds().isEmpty()) {
                pending.add(new Announcement(post.postId(), post.title(), post.summary(), post.tags(), page.subscriberIds()));
                recipientCount += page.subscriberIds().size();
            }
            if (pending.size() == SendQueue.MAX_BATCH) {
                queue.enqueue(pending);
                messages += pending.size();
                pending.clear();
            }
            after = page.nextAfter();
        } while (after.isPresent());
        if (!pending.isEmpty()) {
            queue.enqueue(pending);
            messages += pending.size();
        }
        return new FanOutResult(messages, recipientCount);
    }

    /** Messages enqueued and the subscriber ids they carry. */
    public record FanOutResult(int messages, int recipients) {
    }
}
