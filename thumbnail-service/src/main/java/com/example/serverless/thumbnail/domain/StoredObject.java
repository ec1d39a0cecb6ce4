package com.example.serverless.thumbnail.domain;

import java.util.Map;
import java.util.Objects;

/** An object to write to the output bucket. User metadata values must be US-ASCII (an S3 rule). */
public record StoredObject(String key, String contentType, String cacheControl, Map<String, String> metadata,
        byte[] body) {

    public StoredObject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        metadata = Map.copyOf(metadata);
        metadata.values().forEach(value -> {
            if (!value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("user metadata must be printable US-ASCII: " + value);
            }
        });
    }
}
