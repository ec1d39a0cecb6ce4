package com.example.serverless.thumbnail.domain;

import java.util.Locale;
import java.util.Set;

/**
 * Where thumbnails and failure records go in the output bucket. Keys derive from the source key and version
 * only, so a retried event overwrites its earlier output instead of adding to it:
 * <pre>
 *   {prefix}w{width}/{source key}[.v-{version id}].{ext}    a thumbnail
 *   {prefix}failed/{source key}[.v-{version id}].json      why a source could not be thumbnailed
 * </pre>
 */
public final class ThumbnailKeys {

    /** The suffixes the template's S3 notification filters name, too. */
    private static final Set<String> IMAGE_SUFFIXES = Set.of(".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp");

    private final String prefix;

    public ThumbnailKeys(String prefix) {
        if (prefix == null || prefix.isEmpty() || !prefix.endsWith("/")) {
            throw new IllegalArgumentException("the output prefix must be a folder ending in '/': " + prefix);
        }
        this.prefix = prefix;
    }

    public String thumbnail(SourceObject source, int width, OutputFormat format) {
        return prefix + "w" + width + "/" + versioned(source) + "." + format.extension();
    }

    public String failure(SourceObject source) {
        return prefix + "failed/" + versioned(source) + ".json";
    }

    /** The start of the keys of every version's thumbnail of this width (versioned buckets). */
    public String thumbnailsOfEveryVersion(String sourceKey, int width) {
        return prefix + "w" + width + "/" + sourceKey + ".v-";
    }

    /** The start of the keys of every version's failure record (versioned buckets). */
    public String failuresOfEveryVersion(String sourceKey) {
        return prefix + "failed/" + sourceKey + ".v-";
    }

    /** Keys this function writes: never treated as uploads, even if the function is pointed at its own output. */
    public boolean isOwnOutput(String key) {
        return key.startsWith(prefix);
    }

    public static boolean hasImageSuffix(String key) {
        int dot = key.lastIndexOf('.');
        return dot >= 0 && IMAGE_SUFFIXES.contains(key.substring(dot).toLowerCase(Locale.ROOT));
    }

    private static String versioned(SourceObject source) {
        return source.versioned() ? source.key() + ".v-" + source.versionId() : source.key();
    }
}
