package com.example.serverless.metadata.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A key that no longer has a current object. It keeps the sequencer of the event that found it gone, so an
 * older create delivered late cannot bring the object back; DynamoDB's TTL removes it at {@code expiresAt}.
 */
public record Tombstone(String bucket, String key, Sequencer sequencer, Instant eventTime, Instant deletedAt,
        Instant expiresAt) implements IndexEntry {

    public Tombstone {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sequencer, "sequencer");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(deletedAt, "deletedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(deletedAt)) {
            throw new IllegalArgumentException("expiresAt must be after deletedAt");
        }
    }
}
