package com.example.serverless.metadata.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What S3 says about the current version of an object (a HeadObject): the index stores this, never the
 * event's own copy of size and ETag, so that every field of an entry describes one and the same version.
 *
 * @param versionId null in a bucket that has never been versioned
 * @param contentType null when S3 returns none
 */
public record ObjectState(long size, String eTag, String versionId, String contentType,
        Map<String, String> userMetadata, Instant lastModified) {

    public ObjectState {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        Objects.requireNonNull(eTag, "eTag");
        Objects.requireNonNull(lastModified, "lastModified");
        userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
    }
}
