package com.example.serverless.metadata.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One record of an S3 event notification, as the domain needs it: which key changed, how, and where the change
 * stands in that key's history ({@link Sequencer}). The key is already URL-decoded.
 */
public record ObjectEvent(Change change, String eventName, String bucket, String key, Sequencer sequencer,
        Instant eventTime) {

    /** The two families of events the index follows; S3 gives both a sequencer. */
    public enum Change {
        /** {@code ObjectCreated:*}: Put, Post, Copy, CompleteMultipartUpload. */
        CREATED,
        /** {@code ObjectRemoved:*}: Delete (a version or an unversioned object) and DeleteMarkerCreated. */
        REMOVED
    }

    public ObjectEvent {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(sequencer, "sequencer");
        Objects.requireNonNull(eventTime, "eventTime");
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("bucket is required");
        }
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key is required");
        }
    }
}
