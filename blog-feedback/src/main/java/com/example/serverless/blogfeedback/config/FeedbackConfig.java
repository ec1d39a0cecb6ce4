package com.example.serverless.blogfeedback.config;

import io.smallrye.config.ConfigMapping;

/** What blog-feedback reads from its environment (the SAM template sets BLOG_FEEDBACK_*). */
@ConfigMapping(prefix = "blog-feedback")
public interface FeedbackConfig {

    /** BLOG_FEEDBACK_SUBSCRIBERS_TABLE */
    String subscribersTable();
}
