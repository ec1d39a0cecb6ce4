package com.example.serverless.s3notification;

import java.time.Instant;
import java.util.Objects;

/**
 * One record of an S3 event notification, with its key URL-decoded. {@code versionId} is null for an unversioned
 * bucket; {@code size} is null for removals; {@code sequencer} orders the events of one key (S3 sends it with
 * ObjectCreated and ObjectRemoved events).
 */
public record ObjectRecord(String eventName, String bucket, String key, String versionId, Long size, String sequencer,
        Instant eventTime) {

    public ObjectRecord {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(eventTime, "eventTime");
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("bucket is required");
        }
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key is required");
        }
    }
}
