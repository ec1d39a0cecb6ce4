package com.example.serverless.metadata.domain;

import java.util.List;
import java.util.Optional;

/** The metadata index: one entry per (bucket, key). */
public interface MetadataIndex {

    /**
     * Stores {@code entry} only if the index has nothing for its key or holds an older sequencer, in one
     * conditional write: an older event never overwrites a newer one, and a redelivered event changes nothing.
     *
     * @throws TransientFailureException when the store throttles or fails in a way worth retrying
     */
    WriteResult putIfNewer(IndexEntry entry);

    /** The entry for a key, tombstones included. */
    Optional<IndexEntry> find(String bucket, String key);

    /** Objects (never tombstones) of one bucket whose key starts with {@code prefix}, in key order. */
    List<IndexedObject> listByPrefix(String bucket, String prefix, int limit);

    /** Objects (never tombstones) with exactly this content type, in key order. */
    List<IndexedObject> findByContentType(String contentType, int limit);
}
