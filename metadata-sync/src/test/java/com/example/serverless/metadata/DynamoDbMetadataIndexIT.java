package com.example.serverless.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.metadata.domain.IndexedObject;
import com.example.serverless.metadata.domain.MetadataIndex;
import com.example.serverless.metadata.domain.ObjectState;
import com.example.serverless.metadata.domain.Sequencer;
import com.example.serverless.metadata.domain.Tombstone;
import com.example.serverless.metadata.domain.WriteResult;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The DynamoDB index against the local cloud's DynamoDB, with the key schema and index the template declares. */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class DynamoDbMetadataIndexIT {

    private static final Instant T = Instant.parse("2026-11-20T09:00:00Z");

    @Inject
    MetadataIndex index;

    @Inject
    DynamoDbClient dynamoDb;

    private final String bucket = "index-" + UUID.randomUUID();

    @Test
    void longerSequencerWinsOverAShorterOneThatIsGreaterAsAPlainString() {
        assertEquals(WriteResult.WRITTEN, index.putIfNewer(object("k", "FF", "text/plain")));

        assertEquals(WriteResult.WRITTEN, index.putIfNewer(object("k", "0100", "text/csv")));
        assertEquals(WriteResult.STALE, index.putIfNewer(object("k", "FF", "text/plain")));

        assertEquals(new Sequencer("0100"), index.find(bucket, "k").orElseThrow().sequencer());
    }

    @Test
    void sameSequencerAgainIsADuplicateAndOlderIsStale() {
        index.putIfNewer(object("k", "00673DA97E4C1A2F36", "text/plain"));

        assertEquals(WriteResult.DUPLICATE, index.putIfNewer(object("k", "673DA97E4C1A2F36", "image/png")));
        assertEquals(WriteResult.STALE, index.putIfNewer(object("k", "00673DA97E4C1A2F35", "image/png")));

        assertEquals("text/plain", ((IndexedObject) index.find(bucket, "k").orElseThrow()).state().contentType());
    }

    @Test
    void tombstoneReplacesTheObjectAndAnOlderCreateCannotReplaceTheTombstone() {
        index.putIfNewer(object("k", "0A", "text/plain"));

        assertEquals(WriteResult.WRITTEN, index.putIfNewer(tombstone("k", "0B")));
        assertEquals(WriteResult.STALE, index.putIfNewer(object("k", "0A", "text/plain")));

        assertInstanceOf(Tombstone.class, index.find(bucket, "k").orElseThrow());
    }

    @Test
    void storedItemHasThePaddedSequencerAndTombstonesCarryTheTtlAttribute() {
        index.putIfNewer(object("obj", "0A", "text/plain"));
        index.putIfNewer(tombstone("del", "0B"));

        Map<String, AttributeValue> object = item("obj");
        assertEquals(new Sequencer("0A").padded(), object.get("sequencer").s());
        assertEquals(64, object.get("sequencer").s().length());
        assertEquals("text/plain", object.get("contentType").s());
        assertFalse(object.containsKey("expiresAt"), "objects never expire");

        Map<String, AttributeValue> tombstone = item("del");
        assertEquals(Long.toString(T.plusSeconds(86_400).getEpochSecond()), tombstone.get("expiresAt").n());
        assertFalse(tombstone.containsKey("contentType"), "tombstones stay out of the content-type index");
    }

    @Test
    void prefixListingSkipsTombstonesEvenWhenWholePagesAreTombstones() {
        for (int i = 0; i < 25; i++) {
            index.putIfNewer(tombstone(String.format("logs/a-%02d", i), "0A"));
        }
        index.putIfNewer(object("logs/b-1", "0A", "text/plain"));
        index.putIfNewer(object("logs/b-2", "0A", "text/plain"));
        index.putIfNewer(object("logs/b-3", "0A", "text/plain"));
        index.putIfNewer(object("other/x", "0A", "text/plain"));

        List<IndexedObject> firstTwo = index.listByPrefix(bucket, "logs/", 2);

        assertEquals(List.of("logs/b-1", "logs/b-2"), firstTwo.stream().map(IndexedObject::key).toList());
        assertEquals(List.of("logs/b-1", "logs/b-2", "logs/b-3", "other/x"),
                index.listByPrefix(bucket, "", 10).stream().map(IndexedObject::key).toList());
        assertTrue(index.listByPrefix(bucket, "nothing/", 10).isEmpty());
    }

    @Test
    void objectsAreFoundByContentTypeAndDeletedOnesAreNot() {
        String contentType = "application/x-test-" + UUID.randomUUID();
        index.putIfNewer(object("b.bin", "0A", contentType));
        index.putIfNewer(object("a.bin", "0A", contentType));
        index.putIfNewer(object("c.bin", "0A", contentType));
        index.putIfNewer(tombstone("c.bin", "0B"));
        index.putIfNewer(object("d.txt", "0A", "text/plain"));

        List<IndexedObject> found = index.findByContentType(contentType, 10);

        assertEquals(List.of("a.bin", "b.bin"), found.stream().map(IndexedObject::key).toList());
        assertEquals(Map.of("origin", "test"), found.get(0).state().userMetadata());
    }

    private IndexedObject object(String key, String sequencer, String contentType) {
        return new IndexedObject(bucket, key, new Sequencer(sequencer),
                new ObjectState(10, "etag-" + key, "v1", contentType, Map.of("origin", "test"), T), T, T);
    }

    private Tombstone tombstone(String key, String sequencer) {
        return new Tombstone(bucket, key, new Sequencer(sequencer), T, T, T.plusSeconds(86_400));
    }

    private Map<String, AttributeValue> item(String key) {
        return dynamoDb.getItem(g -> g.tableName("MetadataTable").key(Map.of(
                "bucket", AttributeValue.fromS(bucket), "key", AttributeValue.fromS(key)))).item();
    }
}
