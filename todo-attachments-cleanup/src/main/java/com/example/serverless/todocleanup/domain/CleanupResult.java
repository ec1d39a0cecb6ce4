package com.example.serverless.todocleanup.domain;

/** What one removed todo's cleanup did: objects deleted, and keys left alone because they were not the todo's. */
public record CleanupResult(int deleted, int foreignKeys) {
}
