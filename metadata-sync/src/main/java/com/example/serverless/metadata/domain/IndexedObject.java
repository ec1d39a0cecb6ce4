package com.example.serverless.metadata.domain;

import java.time.Instant;
import java.util.Objects;

/** An object that exists in S3, with its metadata as of the event {@code sequencer} (or later). */
public record IndexedObject(String bucket, String key, Sequencer sequencer, ObjectState state, Instant eventTime,
        Instant indexedAt) implements IndexEntry {

    public IndexedObject {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sequencer, "sequencer");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(indexedAt, "indexedAt");
    }
}
