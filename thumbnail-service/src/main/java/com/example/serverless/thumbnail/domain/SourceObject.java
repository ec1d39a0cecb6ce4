package com.example.serverless.thumbnail.domain;

import java.util.Objects;

/**
 * An uploaded object, named by an S3 event.
 *
 * @param key       the decoded key (the event carries it URL-encoded)
 * @param versionId present when the bucket is versioned, otherwise null
 * @param size      bytes, as the event reports them
 */
public record SourceObject(String bucket, String key, String versionId, long size) {

    public SourceObject {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if (bucket.isBlank() || key.isEmpty()) {
            throw new IllegalArgumentException("a source object needs a bucket and a key");
        }
        if (versionId != null && versionId.isBlank()) {
            versionId = null;
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
    }

    public boolean versioned() {
        return versionId != null;
    }
}
