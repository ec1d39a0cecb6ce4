package com.example.serverless.metadata.support;

import com.example.serverless.metadata.domain.IndexEntry;
import com.example.serverless.metadata.domain.IndexedObject;
import com.example.serverless.metadata.domain.MetadataIndex;
import com.example.serverless.metadata.domain.WriteResult;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The index contract in memory, for domain tests: the same putIfNewer rule the DynamoDB condition expresses. */
public final class InMemoryMetadataIndex implements MetadataIndex {

    private final Map<List<String>, IndexEntry> entries = new ConcurrentHashMap<>();

    @Override
    public synchronized WriteResult putIfNewer(IndexEntry entry) {
        IndexEntry stored = entries.get(List.of(entry.bucket(), entry.key()));
        if (stored != null && !entry.sequencer().isAfter(stored.sequencer())) {
            return stored.sequencer().equals(entry.sequencer()) ? WriteResult.DUPLICATE : WriteResult.STALE;
        }
        entries.put(List.of(entry.bucket(), entry.key()), entry);
        return WriteResult.WRITTEN;
    }

    @Override
    public Optional<IndexEntry> find(String bucket, String key) {
        return Optional.ofNullable(entries.get(List.of(bucket, key)));
    }

    @Override
    public List<IndexedObject> listByPrefix(String bucket, String prefix, int limit) {
        return entries.values().stream()
                .filter(e -> e instanceof IndexedObject && e.bucket().equals(bucket) && e.key().startsWith(prefix))
                .map(IndexedObject.class::cast)
                .sorted(Comparator.comparing(IndexedObject::key))
                .limit(limit)
                .toList();
    }

    @Override
    public List<IndexedObject> findByContentType(String contentType, int limit) {
        return entries.values().stream()
                .filter(e -> e instanceof IndexedObject o && contentType.equals(o.state().contentType()))
                .map(IndexedObject.class::cast)
                .sorted(Comparator.comparing(IndexedObject::key))
                .limit(limit)
                .toList();
    }
}
