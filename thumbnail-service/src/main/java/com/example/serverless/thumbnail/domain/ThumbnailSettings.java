package com.example.serverless.thumbnail.domain;

import java.util.List;
import java.util.Objects;

/**
 * How thumbnails are made.
 *
 * @param widths     target widths in pixels; a thumbnail keeps the source's aspect ratio and is never wider than it
 * @param format     output encoding
 * @param jpegQuality 0..1, used when {@code format} is JPEG
 * @param maxPixels  larger images (width x height as declared in the header) are refused before decoding
 */
public record ThumbnailSettings(List<Integer> widths, OutputFormat format, float jpegQuality, long maxPixels) {

    public ThumbnailSettings {
        Objects.requireNonNull(format, "format");
        if (widths == null || widths.isEmpty()) {
            throw new IllegalArgumentException("at least one thumbnail width is needed");
        }
        widths = widths.stream().distinct().sorted().toList();
        if (widths.getFirst() < 1) {
            throw new IllegalArgumentException("thumbnail widths must be positive: " + widths);
        }
        if (!(jpegQuality > 0 && jpegQuality <= 1)) {
            throw new IllegalArgumentException("jpegQuality must be in (0, 1]: " + jpegQuality);
        }
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
        }
    }

    public int largestWidth() {
        return widths.getLast();
    }
}
