package com.example.serverless.metadata.support;

import com.example.serverless.metadata.domain.CurrentObjects;
import com.example.serverless.metadata.domain.ObjectState;
import com.example.serverless.metadata.domain.TransientFailureException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * S3's view of current objects, for domain tests: what HeadObject would answer right now. Keys can be told to
 * fail like a throttled S3 (503 SlowDown).
 */
public final class InMemoryBucket implements CurrentObjects {

    private final Map<String, ObjectState> current = new ConcurrentHashMap<>();
    private final Set<String> throttledKeys = new HashSet<>();

    public void put(String key, ObjectState state) {
        current.put(key, state);
    }

    public void remove(String key) {
        current.remove(key);
    }

    public Optional<ObjectState> current(String key) {
        return Optional.ofNullable(current.get(key));
    }

    public void throttle(String key) {
        throttledKeys.add(key);
    }

    @Override
    public Optional<ObjectState> find(String bucket, String key) {
        if (throttledKeys.contains(key)) {
            throw new TransientFailureException("HeadObject failed: SlowDown (503)", null);
        }
        return current(key);
    }
}
