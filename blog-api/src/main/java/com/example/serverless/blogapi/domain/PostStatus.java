package com.example.serverless.blogapi.domain;

/** As stored in the posts table: blog-notifier announces the transition into PUBLISHED. */
public enum PostStatus {
    DRAFT, PUBLISHED
}
