package com.example.serverless.thumbnail.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A stand-in for the storage behind our own {@link ImageStore} interface (not a mock of S3). */
public final class InMemoryImageStore implements ImageStore {

    private final Map<String, byte[]> sources = new TreeMap<>();
    private final Map<String, StoredObject> outputs = new TreeMap<>();
    private final List<String> reads = new ArrayList<>();
    private StorageFailureException failure;

    public void upload(String bucket, String key, String versionId, byte[] bytes) {
        sources.put(id(bucket, key, versionId), bytes);
    }

    public void failWith(StorageFailureException failure) {
        this.failure = failure;
    }

    public Map<String, StoredObject> outputs() {
        return outputs;
    }

    public List<String> reads() {
        return reads;
    }

    @Override
    public Optional<byte[]> read(SourceObject source, long maxBytes) throws ImageRejectedException {
        failIfAsked();
        reads.add(source.key());
        byte[] bytes = sources.get(id(source.bucket(), source.key(), source.versionId()));
        if (bytes != null && bytes.length > maxBytes) {
            throw new ImageRejectedException(RejectionReason.TOO_MANY_BYTES, bytes.length + " bytes");
        }
        return Optional.ofNullable(bytes);
    }

    @Override
    public void put(StoredObject object) {
        failIfAsked();
        outputs.put(object.key(), object);
    }

    @Override
    public void delete(String key) {
        failIfAsked();
        outputs.remove(key);
    }

    private void failIfAsked() {
        if (failure != null) {
            throw failure;
        }
    }

    private static String id(String bucket, String key, String versionId) {
        return bucket + "/" + key + (versionId == null ? "" : "?versionId=" + versionId);
    }

    @Override
    public List<String> outputKeysStartingWith(String keyPrefix) {
        failIfAsked();
        return outputs.keySet().stream().filter(key -> key.startsWith(keyPrefix)).toList();
    }
}
