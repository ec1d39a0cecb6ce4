package com.example.serverless.thumbnail.domain;

import java.util.List;
import java.util.Optional;

/**
 * Reads uploads and writes to the output bucket. Every method throws {@link StorageFailureException} when the
 * storage fails, which the handler lets propagate so that Lambda retries.
 */
public interface ImageStore {

    /**
     * The object's bytes, or empty if it no longer exists (deleted after the event was sent).
     *
     * @throws ImageRejectedException with {@link RejectionReason#TOO_MANY_BYTES} if it is larger than
     *                                {@code maxBytes}; no more than that is read
     */
    Optional<byte[]> read(SourceObject source, long maxBytes) throws ImageRejectedException;

    /** Creates or overwrites. */
    void put(StoredObject object);

    /** Removes the key; nothing happens if it does not exist. */
    void delete(String key);

    /** The keys in the output bucket that start with this. */
    List<String> outputKeysStartingWith(String keyPrefix);
}
