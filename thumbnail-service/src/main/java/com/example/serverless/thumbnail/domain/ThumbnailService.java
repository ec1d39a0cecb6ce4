package com.example.serverless.thumbnail.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the thumbnails of one uploaded object, or records why it cannot. Safe to repeat: every write goes to a
 * key derived from the source, so a retry overwrites what an earlier attempt wrote.
 */
public final class ThumbnailService {

    /** A versioned source never changes, so neither do its thumbnails. */
    static final String CACHE_VERSIONED = "public, max-age=31536000, immutable";
    /** An unversioned key can be overwritten with a new picture, and its thumbnails with it. */
    static final String CACHE_UNVERSIONED = "public, max-age=3600";

    private final ImageStore store;
    private final ThumbnailRenderer renderer;
    private final ThumbnailKeys keys;
    private final ThumbnailSettings settings;
    private final long maxSourceBytes;
    private final ObjectMapper json = new ObjectMapper();

    public ThumbnailService(ImageStore store, ThumbnailSettings settings, ThumbnailKeys keys, long maxSourceBytes) {
        if (maxSourceBytes < 1) {
            throw new IllegalArgumentException("maxSourceBytes must be positive: " + maxSourceBytes);
        }
        this.store = store;
        this.renderer = new ThumbnailRenderer(settings);
        this.keys = keys;
        this.settings = settings;
        this.maxSourceBytes = maxSourceBytes;
    }

    public Outcome process(SourceObject source) {
        try {
            if (source.size() > maxSourceBytes) {
                throw tooManyBytes(source.size());
            }
            var bytes = store.read(source, maxSourceBytes);
            if (bytes.isEmpty()) {
                return Outcome.sourceMissing();
            }
            RenderedImage rendered = renderer.render(bytes.get());
            for (Thumbnail thumbnail : rendered.thumbnails()) {
                store.put(thumbnailObject(source, rendered, thumbnail));
            }
            if (!source.versioned()) {
                // The same key may have held a bad image before: its failure record is now wrong.
                store.delete(keys.failure(source));
            }
            return Outcome.thumbnailed(rendered.thumbnails().size());
        } catch (ImageRejectedException rejection) {
            store.put(failureObject(source, rejection));
            if (!source.versioned()) {
                // The same key may have held a good image before: its thumbnails no longer show this one.
                settings.widths().forEach(width -> store.delete(keys.thumbnail(source, width, settings.format())));
            }
            return Outcome.rejected(rejection);
        }
    }

    /**
     * Removes what was made of an upload that is gone, so no thumbnail outlives its photo. {@code everyVersion}: the
     * object was deleted (a delete marker in a versioned bucket): readers see none of its versions, so every version's
     * thumbnails and failure records go. Otherwise one version was deleted for good (or the object, in an unversioned
     * bucket): that one's go. Safe to repeat: deleting a key that is gone changes nothing.
     */
    public Outcome remove(SourceObject removed, boolean everyVersion) {
        List<String> doomed = new ArrayList<>();
        SourceObject unversioned = new SourceObject(removed.bucket(), removed.key(), null, 0);
        for (int width : settings.widths()) {
            doomed.add(keys.thumbnail(everyVersion ? unversioned : removed, width, settings.format()));
            if (everyVersion) {
                doomed.addAll(store.outputKeysStartingWith(keys.thumbnailsOfEveryVersion(removed.key(), width)));
            }
        }
        doomed.add(keys.failure(everyVersion ? unversioned : removed));
        if (everyVersion) {
            doomed.addAll(store.outputKeysStartingWith(keys.failuresOfEveryVersion(removed.key())));
        }
        doomed.forEach(store::delete);
        return Outcome.removed(doomed.size());
    }

    /** Whether an upload with this key is one to thumbnail: an image suffix, and not something we wrote. */
    public boolean wants(String key) {
        return ThumbnailKeys.hasImageSuffix(key) && !keys.isOwnOutput(key);
    }

    public ImageRejectedException tooManyBytes(long size) {
        return new ImageRejectedException(RejectionReason.TOO_MANY_BYTES,
                "%d bytes, more than %d".formatted(size, maxSourceBytes));
    }

    private StoredObject thumbnailObject(SourceObject source, RenderedImage rendered, Thumbnail thumbnail) {
        Map<String, String> metadata = sourceMetadata(source);
        metadata.put("source-width", Integer.toString(rendered.sourceWidth()));
        metadata.put("source-height", Integer.toString(rendered.sourceHeight()));
        metadata.put("width", Integer.toString(thumbnail.width()));
        metadata.put("height", Integer.toString(thumbnail.height()));
        return new StoredObject(keys.thumbnail(source, thumbnail.requestedWidth(), thumbnail.format()),
                thumbnail.format().contentType(),
                source.versioned() ? CACHE_VERSIONED : CACHE_UNVERSIONED, metadata, thumbnail.bytes());
    }

    private StoredObject failureObject(SourceObject source, ImageRejectedException rejection) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("bucket", source.bucket());
        record.put("key", source.key());
        record.put("versionId", source.versionId());
        record.put("reason", rejection.reason().name());
        record.put("detail", rejection.getMessage());
        Map<String, String> metadata = sourceMetadata(source);
        metadata.put("reason", rejection.reason().name());
        try {
            return new StoredObject(keys.failure(source), "application/json", "no-cache", metadata,
                    json.writeValueAsBytes(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings did not serialise", e);
        }
    }

    private static Map<String, String> sourceMetadata(SourceObject source) {
        Map<String, String> metadata = new LinkedHashMap<>();
        // Keys may hold any Unicode; S3 user metadata must be ASCII: percent-encoded UTF-8, as in URLs.
        metadata.put("source-key", URLEncoder.encode(source.key(), StandardCharsets.UTF_8).replace("+", "%20"));
        if (source.versioned()) {
            metadata.put("source-version-id", source.versionId());
        }
        return metadata;
    }
}
