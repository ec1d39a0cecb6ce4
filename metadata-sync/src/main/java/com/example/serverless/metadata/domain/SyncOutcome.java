package com.example.serverless.metadata.domain;

/** What one S3 event did to the index; every value is a success for the message that carried it. */
public enum SyncOutcome {
    /** The object's current metadata was stored. */
    INDEXED,
    /** The key has no current object; a tombstone was stored. */
    TOMBSTONED,
    /** The index already reflected this event (a redelivery). */
    DUPLICATE,
    /** The index already reflected a later event on the key (out-of-order delivery). */
    STALE
}
