package com.example.serverless.blogfanout.domain;

import com.example.serverless.blog.subscriptions.Announcement;
import java.util.List;

/** The queue the sender function drains. */
public interface SendQueue {

    /** At most this many announcements per {@link #enqueue} call (SQS's SendMessageBatch limit). */
    int MAX_BATCH = 10;

    /** Enqueues every announcement, or throws: a failed call is retried by the stream, never half-reported as done. */
    void enqueue(List<Announcement> announcements);
}
