package com.example.serverless.metadata.store;

import com.example.serverless.metadata.domain.IndexEntry;
import com.example.serverless.metadata.domain.IndexedObject;
import com.example.serverless.metadata.domain.ObjectState;
import com.example.serverless.metadata.domain.Sequencer;
import com.example.serverless.metadata.domain.Tombstone;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item layout of the metadata table (infra/template.yaml declares the same keys and index):
 * <pre>
 *   bucket (HASH)  key (RANGE)  sequencer (64 hex digits, zero-padded)  eventTime  indexedAt
 *   object:    size  eTag  versionId?  contentType?  userMetadata  lastModified
 *   tombstone: deletedAt  expiresAt (epoch seconds, the table's TTL attribute)
 * </pre>
 * Tombstones have no {@code contentType}, so the sparse content-type index never contains them.
 */
final class MetadataItems {

    static final String BUCKET = "bucket";
    static final String KEY = "key";
    static final String SEQUENCER = "sequencer";
    static final String CONTENT_TYPE = "contentType";
    static final String DELETED_AT = "deletedAt";
    static final String EXPIRES_AT = "expiresAt";
    private static final String EVENT_TIME = "eventTime";
    private static final String INDEXED_AT = "indexedAt";
    private static final String SIZE = "size";
    private static final String ETAG = "eTag";
    private static final String VERSION_ID = "versionId";
    private static final String USER_METADATA = "userMetadata";
    private static final String LAST_MODIFIED = "lastModified";

    private MetadataItems() {
    }

    static Map<String, AttributeValue> key(String bucket, String key) {
        return Map.of(BUCKET, s(bucket), KEY, s(key));
    }

    static Map<String, AttributeValue> toItem(IndexEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(key(entry.bucket(), entry.key()));
        item.put(SEQUENCER, s(entry.sequencer().padded()));
        switch (entry) {
            case IndexedObject object -> {
                ObjectState state = object.state();
                item.put(EVENT_TIME, s(object.eventTime().toString()));
                item.put(INDEXED_AT, s(object.indexedAt().toString()));
                item.put(SIZE, AttributeValue.fromN(Long.toString(state.size())));
                item.put(ETAG, s(state.eTag()));
                if (state.versionId() != null) {
                    item.put(VERSION_ID, s(state.versionId()));
                }
                if (state.contentType() != null && !state.contentType().isEmpty()) {
                    item.put(CONTENT_TYPE, s(state.contentType()));
                }
                item.put(USER_METADATA, AttributeValue.fromM(state.userMetadata().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> s(e.getValue())))));
                item.put(LAST_MODIFIED, s(state.lastModified().toString()));
            }
            case Tombstone tombstone -> {
                item.put(EVENT_TIME, s(tombstone.eventTime().toString()));
                item.put(INDEXED_AT, s(tombstone.deletedAt().toString()));
                item.put(DELETED_AT, s(tombstone.deletedAt().toString()));
                item.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(tombstone.expiresAt().getEpochSecond())));
            }
        }
        return item;
    }

    static IndexEntry fromItem(Map<String, AttributeValue> item) {
        String bucket = item.get(BUCKET).s();
        String key = item.get(KEY).s();
        Sequencer sequencer = new Sequencer(item.get(SEQUENCER).s());
        Instant eventTime = Instant.parse(item.get(EVENT_TIME).s());
        if (item.containsKey(DELETED_AT)) {
            return new Tombstone(bucket, key, sequencer, eventTime, Instant.parse(item.get(DELETED_AT).s()),
                    Instant.ofEpochSecond(Long.parseLong(item.get(EXPIRES_AT).n())));
        }
        ObjectState state = new ObjectState(
                Long.parseLong(item.get(SIZE).n()),
                item.get(ETAG).s(),
                stringOrNull(item, VERSION_ID),
                stringOrNull(item, CONTENT_TYPE),
                item.getOrDefault(USER_METADATA, AttributeValue.fromM(Map.of())).m().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s())),
                Instant.parse(item.get(LAST_MODIFIED).s()));
        return new IndexedObject(bucket, key, sequencer, state, eventTime, Instant.parse(item.get(INDEXED_AT).s()));
    }

    static Sequencer sequencerOf(Map<String, AttributeValue> item) {
        return new Sequencer(item.get(SEQUENCER).s());
    }

    private static String stringOrNull(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
