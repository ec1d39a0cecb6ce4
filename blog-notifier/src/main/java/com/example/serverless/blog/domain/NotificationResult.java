package com.example.serverless.blog.domain;

/** What announcing one post did, for the log line: counts only, never addresses. */
public record NotificationResult(int sent, int alreadyClaimed, int rejected, int notInterested) {
}
