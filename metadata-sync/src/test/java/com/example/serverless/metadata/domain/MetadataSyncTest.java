package com.example.serverless.metadata.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.metadata.domain.ObjectEvent.Change;
import com.example.serverless.metadata.support.InMemoryBucket;
import com.example.serverless.metadata.support.InMemoryMetadataIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataSyncTest {

    private static final String BUCKET = "media-uploads-eu";
    private static final String KEY = "images/cat.jpg";
    private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");

    private final InMemoryBucket s3 = new InMemoryBucket();
    private final InMemoryMetadataIndex index = new InMemoryMetadataIndex();
    private final MetadataSync sync = new MetadataSync(s3, index, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30));

    @Test
    void createdObjectIsIndexedWithWhatHeadObjectSays() {
        s3.put(KEY, jpeg("etag-1", Map.of("camera", "x100")));

        assertEquals(SyncOutcome.INDEXED, sync.apply(created("0A")));

        IndexedObject entry = assertInstanceOf(IndexedObject.class, index.find(BUCKET, KEY).orElseThrow());
        assertEquals("etag-1", entry.state().eTag());
        assertEquals("image/jpeg", entry.state().contentType());
        assertEquals(Map.of("camera", "x100"), entry.state().userMetadata());
        assertEquals(new Sequencer("0A"), entry.sequencer());
        assertEquals(NOW, entry.indexedAt());
    }

    @Test
    void removedObjectLeavesATombstoneThatExpires() {
        s3.put(KEY, jpeg("etag-1", Map.of()));
        sync.apply(created("0A"));
        s3.remove(KEY);

        assertEquals(SyncOutcome.TOMBSTONED, sync.apply(removed("0B")));

        Tombstone tombstone = assertInstanceOf(Tombstone.class, index.find(BUCKET, KEY).orElseThrow());
        assertEquals(new Sequencer("0B"), tombstone.sequencer());
        assertEquals(NOW.plus(Duration.ofDays(30)), tombstone.expiresAt());
        assertTrue(index.listByPrefix(BUCKET, "", 10).isEmpty());
    }

    @Test
    void redeliveredEventIsADuplicateAndChangesNothing() {
        s3.put(KEY, jpeg("etag-1", Map.of()));
        sync.apply(created("0A"));
        IndexEntry before = index.find(BUCKET, KEY).orElseThrow();

        assertEquals(SyncOutcome.DUPLICATE, sync.apply(created("000A")));

        assertEquals(before, index.find(BUCKET, KEY).orElseThrow());
    }

    @Test
    void lateCreateCannotResurrectADeletedObject() {
        s3.put(KEY, jpeg("etag-1", Map.of()));
        s3.remove(KEY);
        sync.apply(removed("0B"));

        assertEquals(SyncOutcome.STALE, sync.apply(created("0A")));

        assertInstanceOf(Tombstone.class, index.find(BUCKET, KEY).orElseThrow());
    }

    @Test
    void createWhoseObjectIsAlreadyGoneWritesATombstoneInsteadOfFailing() {
        // The object was created (0A) then deleted before the create was processed: HeadObject says 404.
        assertEquals(SyncOutcome.TOMBSTONED, sync.apply(created("0A")));

        assertEquals(SyncOutcome.DUPLICATE, sync.apply(removed("0A")), "same sequencer, same key: already applied");
        assertInstanceOf(Tombstone.class, index.find(BUCKET, KEY).orElseThrow());
    }

    @Test
    void createOfAnOverwrittenObjectIndexesTheNewestVersion() {
        s3.put(KEY, jpeg("etag-2", Map.of("rev", "2")));

        sync.apply(created("0A"));

        IndexedObject entry = assertInstanceOf(IndexedObject.class, index.find(BUCKET, KEY).orElseThrow());
        assertEquals("etag-2", entry.state().eTag(), "every field describes one version: the current one");
    }

    @Test
    void deletingANonCurrentVersionKeepsTheCurrentObjectIndexed() {
        s3.put(KEY, jpeg("etag-2", Map.of()));
        sync.apply(created("0B"));

        assertEquals(SyncOutcome.INDEXED, sync.apply(removed("0C")));

        assertEquals("etag-2", ((IndexedObject) index.find(BUCKET, KEY).orElseThrow()).state().eTag());
    }

    @Test
    void throttledS3FailsTheEventWithATransientFailureAndWritesNothing() {
        s3.throttle(KEY);

        assertThrows(TransientFailureException.class, () -> sync.apply(created("0A")));

        assertTrue(index.find(BUCKET, KEY).isEmpty());
    }

    @Test
    void tombstoneRetentionMustBePositive() {
        Clock clock = Clock.systemUTC();
        assertThrows(IllegalArgumentException.class, () -> new MetadataSync(s3, index, clock, Duration.ZERO));
    }

    private static ObjectEvent created(String sequencer) {
        return new ObjectEvent(Change.CREATED, "ObjectCreated:Put", BUCKET, KEY, new Sequencer(sequencer), NOW);
    }

    private static ObjectEvent removed(String sequencer) {
        return new ObjectEvent(Change.REMOVED, "ObjectRemoved:Delete", BUCKET, KEY, new Sequencer(sequencer), NOW);
    }

    private static ObjectState jpeg(String eTag, Map<String, String> metadata) {
        return new ObjectState(1024, eTag, "v-" + eTag, "image/jpeg", metadata, NOW.minusSeconds(60));
    }
}
