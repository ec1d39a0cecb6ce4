package com.example.serverless.thumbnail.domain;

import java.util.Objects;

/**
 * One encoded thumbnail.
 *
 * @param requestedWidth the configured width it was made for; {@code width} is smaller when the source is
 */
public record Thumbnail(int requestedWidth, int width, int height, OutputFormat format, byte[] bytes) {

    public Thumbnail {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(bytes, "bytes");
        if (width < 1 || height < 1 || width > requestedWidth) {
            throw new IllegalArgumentException("empty thumbnail " + width + "x" + height);
        }
    }
}
