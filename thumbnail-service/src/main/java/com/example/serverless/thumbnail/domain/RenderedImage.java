package com.example.serverless.thumbnail.domain;

import java.util.List;

/**
 * The thumbnails of one source image, smallest first.
 *
 * @param sourceWidth  width of the source as displayed (after EXIF orientation), in full resolution
 * @param sourceHeight height of the source as displayed
 */
public record RenderedImage(int sourceWidth, int sourceHeight, List<Thumbnail> thumbnails) {

    public RenderedImage {
        thumbnails = List.copyOf(thumbnails);
        if (sourceWidth < 1 || sourceHeight < 1 || thumbnails.isEmpty()) {
            throw new IllegalArgumentException("nothing rendered");
        }
    }
}
