package com.example.serverless.metadata.domain;

/**
 * The index's item for one object key: the object as S3 last showed it, or a tombstone saying it is gone.
 * Both carry the sequencer of the event that wrote them, which is what orders writes to the same key.
 */
public sealed interface IndexEntry permits IndexedObject, Tombstone {

    String bucket();

    String key();

    Sequencer sequencer();
}
