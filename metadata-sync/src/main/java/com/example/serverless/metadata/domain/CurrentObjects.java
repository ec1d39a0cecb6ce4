package com.example.serverless.metadata.domain;

import java.util.Optional;

/** Reads the current state of an object from S3, the source of truth the index follows. */
public interface CurrentObjects {

    /**
     * The current version's metadata, or empty when the key has no current object (never created, deleted,
     * or hidden by a delete marker).
     *
     * @throws TransientFailureException when S3 throttles or fails in a way worth retrying
     */
    Optional<ObjectState> find(String bucket, String key);
}
