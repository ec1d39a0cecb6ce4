package com.example.serverless.blog.domain;

/**
 * What sending one message did, for the log line and the metrics: counts only, never addresses. {@code notInterested}
 * includes subscribers no longer confirmed or no longer there; {@code skipped} counts malformed subscriber rows, which
 * are left out and do not stop the others.
 */
public record NotificationResult(int sent, int alreadyClaimed, int rejected, int notInterested, int skipped) {
}
