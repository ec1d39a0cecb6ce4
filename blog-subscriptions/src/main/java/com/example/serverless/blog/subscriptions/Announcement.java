package com.example.serverless.blog.subscriptions;

import java.util.List;
import java.util.Set;

/**
 * One message of the send queue: a published post and one page of subscriber ids to announce it to. blog-fanout
 * writes it when a post is published; blog-notifier reads the subscribers again (they may have unsubscribed since)
 * and sends. A page is small enough for one BatchGetItem and one message well under SQS's 256 KB.
 */
public record Announcement(String postId, String title, String summary, Set<String> tags, List<String> subscriberIds) {

    /** DynamoDB's BatchGetItem limit, which the sender reads one page with. */
    public static final int MAX_RECIPIENTS = 100;

    public Announcement {
        if (postId == null || postId.isBlank() || title == null || title.isBlank()) {
            throw new IllegalArgumentException("An announcement needs the post's id and title");
        }
        if (subscriberIds == null || subscriberIds.isEmpty() || subscriberIds.size() > MAX_RECIPIENTS) {
            throw new IllegalArgumentException("An announcement names 1 to " + MAX_RECIPIENTS + " subscribers");
        }
        if (subscriberIds.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw new IllegalArgumentException("A subscriber id is blank");
        }
        summary = summary == null ? "" : summary;
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        subscriberIds = List.copyOf(subscriberIds);
    }
}
