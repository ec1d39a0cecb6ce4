package com.example.serverless.metadata.domain;

/** What {@link MetadataIndex#putIfNewer} did. */
public enum WriteResult {
    /** The entry was newer than what the index held (or the key was new) and is now stored. */
    WRITTEN,
    /** The index already holds this very sequencer: a redelivery, nothing changed. */
    DUPLICATE,
    /** The index holds a newer sequencer: this event arrived late, nothing changed. */
    STALE
}
