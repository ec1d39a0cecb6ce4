package com.example.serverless.blog.domain;

/**
 * What announcing one post did, for the log line and the metrics: counts only, never addresses. {@code skipped}
 * counts malformed subscriber rows, which are left out and do not stop the others.
 */
public record NotificationResult(int sent, int alreadyClaimed, int rejected, int notInterested, int skipped) {
}
