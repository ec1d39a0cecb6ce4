package com.example.serverless.blogfanout.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The fan-out's environment: BLOG_FANOUT_SUBSCRIBERS_TABLE, BLOG_FANOUT_SEND_QUEUE_URL. */
@ConfigMapping(prefix = "blog-fanout")
public interface FanOutConfig {

    String subscribersTable();

    String sendQueueUrl();

    /** Subscriber ids per send-queue message (at most 100, what the sender reads with one BatchGetItem). */
    @WithDefault("100")
    int recipientsPerMessage();
}
