package com.example.serverless.thumbnail.domain;

import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.geom.AffineTransform;

/**
 * The EXIF orientation tag (1-8): how the stored pixels must be turned to be seen upright. Phones store
 * portrait photos as landscape pixels plus orientation 6 or 8.
 */
public enum Orientation {
    NORMAL,
    MIRROR_HORIZONTAL,
    ROTATE_180,
    MIRROR_VERTICAL,
    TRANSPOSE,
    ROTATE_90_CW,
    TRANSVERSE,
    ROTATE_90_CCW;

    /** The orientation for an EXIF tag value; values outside 1-8 (seen in the wild) mean upright. */
    public static Orientation ofExifValue(int value) {
        return value >= 1 && value <= 8 ? values()[value - 1] : NORMAL;
    }

    /** Reads the tag from the image's EXIF block; without one (or without readable metadata) the image is upright. */
    public static Orientation of(Metadata metadata) {
        for (ExifIFD0Directory exif : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
            Integer value = exif.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
            if (value != null) {
                return ofExifValue(value);
            }
        }
        return NORMAL;
    }

    /** Whether width and height trade places (the four orientations that turn by 90 degrees). */
    public boolean swapsAxes() {
        return ordinal() >= TRANSPOSE.ordinal();
    }

    /** Maps stored pixel coordinates of a {@code width} x {@code height} image to upright ones. */
    public AffineTransform toUpright(int width, int height) {
        // AffineTransform(m00, m10, m01, m11, m02, m12): x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12
        return switch (this) {
            case NORMAL -> new AffineTransform();
            case MIRROR_HORIZONTAL -> new AffineTransform(-1, 0, 0, 1, width, 0);
            case ROTATE_180 -> new AffineTransform(-1, 0, 0, -1, width, height);
            case MIRROR_VERTICAL -> new AffineTransform(1, 0, 0, -1, 0, height);
            case TRANSPOSE -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case ROTATE_90_CW -> new AffineTransform(0, 1, -1, 0, height, 0);
            case TRANSVERSE -> new AffineTransform(0, -1, -1, 0, height, width);
            case ROTATE_90_CCW -> new AffineTransform(0, -1, 1, 0, 0, width);
        };
    }
}
