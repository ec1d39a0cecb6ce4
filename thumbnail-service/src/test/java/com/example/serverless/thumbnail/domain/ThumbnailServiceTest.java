package com.example.serverless.thumbnail.domain;

import static com.example.serverless.thumbnail.domain.TestImages.decode;
import static com.example.serverless.thumbnail.domain.TestImages.jpeg;
import static com.example.serverless.thumbnail.domain.TestImages.quadrants;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThumbnailServiceTest {

    private static final byte[] PHOTO = jpeg(quadrants(1600, 1200, BufferedImage.TYPE_INT_RGB));
    private static final byte[] NOT_AN_IMAGE = "just text".getBytes(StandardCharsets.US_ASCII);

    private final InMemoryImageStore store = new InMemoryImageStore();
    private final ThumbnailService service = new ThumbnailService(store,
            new ThumbnailSettings(List.of(512, 128), OutputFormat.JPEG, 0.85f, 60_000_000),
            new ThumbnailKeys("thumbnails/"), 1_000_000);

    @Test
    void writesOneThumbnailPerWidthUnderKeysDerivedFromTheSourceKey() {
        store.upload("uploads", "photos/cat.jpg", null, PHOTO);

        Outcome outcome = service.process(new SourceObject("uploads", "photos/cat.jpg", null, PHOTO.length));

        assertEquals(Outcome.Kind.THUMBNAILED, outcome.kind());
        assertEquals(2, outcome.thumbnails());
        assertEquals(List.of("thumbnails/w128/photos/cat.jpg.jpg", "thumbnails/w512/photos/cat.jpg.jpg"),
                List.copyOf(store.outputs().keySet()));
        StoredObject large = store.outputs().get("thumbnails/w512/photos/cat.jpg.jpg");
        assertEquals("image/jpeg", large.contentType());
        assertEquals(ThumbnailService.CACHE_UNVERSIONED, large.cacheControl());
        assertEquals(Map.of("source-key", "photos%2Fcat.jpg", "source-width", "1600", "source-height", "1200",
                "width", "512", "height", "384"), large.metadata());
        assertEquals(512, decode(large.body()).getWidth());
    }

    @Test
    void aDeleteMarkerRemovesEveryVersionsThumbnailsAndFailuresOfThatKeyOnly() {
        thumbnail("cat.jpg", "v1", PHOTO);
        thumbnail("cat.jpg", "v2", PHOTO);
        thumbnail("cat.jpg", "v3", NOT_AN_IMAGE);
        thumbnail("cat.jpg2", "v1", PHOTO);
        thumbnail("cat.jpg/inside.jpg", "v1", PHOTO);

        Outcome outcome = service.remove(new SourceObject("uploads", "cat.jpg", "marker-1", 0), true);

        assertEquals(Outcome.Kind.REMOVED, outcome.kind());
        assertEquals(List.of("thumbnails/w128/cat.jpg/inside.jpg.v-v1.jpg", "thumbnails/w128/cat.jpg2.v-v1.jpg",
                        "thumbnails/w512/cat.jpg/inside.jpg.v-v1.jpg", "thumbnails/w512/cat.jpg2.v-v1.jpg"),
                List.copyOf(store.outputs().keySet()), "other keys keep theirs");
    }

    @Test
    void aVersionDeletedForGoodTakesOnlyItsOwnAndARepeatChangesNothing() {
        thumbnail("cat.jpg", "v1", PHOTO);
        thumbnail("cat.jpg", "v2", PHOTO);

        service.remove(new SourceObject("uploads", "cat.jpg", "v1", 0), false);
        service.remove(new SourceObject("uploads", "cat.jpg", "v1", 0), false);

        assertEquals(List.of("thumbnails/w128/cat.jpg.v-v2.jpg", "thumbnails/w512/cat.jpg.v-v2.jpg"),
                List.copyOf(store.outputs().keySet()));
    }

    @Test
    void anUnversionedDeleteRemovesTheUnversionedThumbnailsAndFailureRecord() {
        store.upload("uploads", "dog.png", null, PHOTO);
        service.process(new SourceObject("uploads", "dog.png", null, PHOTO.length));
        store.upload("uploads", "bad.png", null, NOT_AN_IMAGE);
        service.process(new SourceObject("uploads", "bad.png", null, NOT_AN_IMAGE.length));

        service.remove(new SourceObject("uploads", "dog.png", null, 0), false);
        service.remove(new SourceObject("uploads", "bad.png", null, 0), false);

        assertEquals(List.of(), List.copyOf(store.outputs().keySet()));
    }

    private void thumbnail(String key, String versionId, byte[] bytes) {
        store.upload("uploads", key, versionId, bytes);
        service.process(new SourceObject("uploads", key, versionId, bytes.length));
    }

    @Test
    void aVersionedSourceGetsThumbnailsOfItsOwnThatNeverChange() {
        store.upload("uploads", "cat.jpg", "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY", PHOTO);

        service.process(new SourceObject("uploads", "cat.jpg", "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY", PHOTO.length));

        StoredObject small = store.outputs().get("thumbnails/w128/cat.jpg.v-3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY.jpg");
        assertEquals(ThumbnailService.CACHE_VERSIONED, small.cacheControl());
        assertEquals("3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY", small.metadata().get("source-version-id"));
    }

    @Test
    void processingTheSameSourceTwiceOverwritesInsteadOfAdding() {
        store.upload("uploads", "cat.jpg", null, PHOTO);
        SourceObject source = new SourceObject("uploads", "cat.jpg", null, PHOTO.length);

        service.process(source);
        Map<String, StoredObject> first = Map.copyOf(store.outputs());
        service.process(source);

        assertEquals(first.keySet(), store.outputs().keySet());
        first.forEach((key, object) -> assertArrayEquals(object.body(), store.outputs().get(key).body(), key));
    }

    @Test
    void aUnicodeKeyIsRecordedAsPercentEncodedAscii() {
        String key = "albums/été 2024/Ünïcödé 写真 + more.png";
        store.upload("uploads", key, null, PHOTO);

        service.process(new SourceObject("uploads", key, null, PHOTO.length));

        StoredObject thumbnail = store.outputs().get("thumbnails/w128/" + key + ".jpg");
        String recorded = thumbnail.metadata().get("source-key");
        assertTrue(recorded.chars().allMatch(c -> c < 0x7f), recorded);
        assertEquals(key, java.net.URLDecoder.decode(recorded, StandardCharsets.UTF_8));
    }

    @Test
    void anUnreadableImageIsRecordedAsFailedWithoutThumbnails() throws Exception {
        store.upload("uploads", "report.jpg", null, NOT_AN_IMAGE);

        Outcome outcome = service.process(new SourceObject("uploads", "report.jpg", null, NOT_AN_IMAGE.length));

        assertEquals(Outcome.Kind.REJECTED, outcome.kind());
        assertEquals(RejectionReason.NOT_AN_IMAGE, outcome.reason());
        assertEquals(List.of("thumbnails/failed/report.jpg.json"), List.copyOf(store.outputs().keySet()));
        StoredObject failure = store.outputs().get("thumbnails/failed/report.jpg.json");
        assertEquals("application/json", failure.contentType());
        assertEquals("NOT_AN_IMAGE", failure.metadata().get("reason"));
        JsonNode record = new ObjectMapper().readTree(failure.body());
        assertEquals("uploads", record.get("bucket").asText());
        assertEquals("report.jpg", record.get("key").asText());
        assertEquals("NOT_AN_IMAGE", record.get("reason").asText());
        assertFalse(record.get("detail").asText().isBlank());
    }

    @Test
    void anObjectLargerThanTheCapIsRefusedWithoutDownloadingIt() {
        Outcome outcome = service.process(new SourceObject("uploads", "huge.jpg", null, 1_000_001));

        assertEquals(RejectionReason.TOO_MANY_BYTES, outcome.reason());
        assertTrue(store.reads().isEmpty(), "nothing was read");
        assertTrue(store.outputs().containsKey("thumbnails/failed/huge.jpg.json"));
    }

    @Test
    void anObjectThatGrewPastTheCapIsRefusedByTheStore() {
        store.upload("uploads", "grown.jpg", null, new byte[1_000_001]);

        Outcome outcome = service.process(new SourceObject("uploads", "grown.jpg", null, 10));

        assertEquals(RejectionReason.TOO_MANY_BYTES, outcome.reason());
        assertTrue(store.outputs().containsKey("thumbnails/failed/grown.jpg.json"));
    }

    @Test
    void aSourceDeletedBeforeWeReadItIsNoFailure() {
        Outcome outcome = service.process(new SourceObject("uploads", "gone.jpg", null, 100));

        assertEquals(Outcome.Kind.SOURCE_MISSING, outcome.kind());
        assertTrue(store.outputs().isEmpty());
    }

    @Test
    void aStorageFailurePropagatesForLambdaToRetry() {
        StorageFailureException failure = new StorageFailureException("503 Slow Down", null);
        store.failWith(failure);

        assertSame(failure, assertThrows(StorageFailureException.class,
                () -> service.process(new SourceObject("uploads", "cat.jpg", null, 100))));
    }

    @Test
    void aGoodImageReplacingABadOneUnderTheSameKeyClearsTheFailureRecord() {
        SourceObject source = new SourceObject("uploads", "cat.jpg", null, 100);
        store.upload("uploads", "cat.jpg", null, NOT_AN_IMAGE);
        service.process(source);
        store.upload("uploads", "cat.jpg", null, PHOTO);

        service.process(source);

        assertEquals(List.of("thumbnails/w128/cat.jpg.jpg", "thumbnails/w512/cat.jpg.jpg"),
                List.copyOf(store.outputs().keySet()));
    }

    @Test
    void aBadImageReplacingAGoodOneUnderTheSameKeyRemovesTheOldThumbnails() {
        SourceObject source = new SourceObject("uploads", "cat.jpg", null, 100);
        store.upload("uploads", "cat.jpg", null, PHOTO);
        service.process(source);
        store.upload("uploads", "cat.jpg", null, NOT_AN_IMAGE);

        service.process(source);

        assertEquals(List.of("thumbnails/failed/cat.jpg.json"), List.copyOf(store.outputs().keySet()));
    }

    @Test
    void wantsImageKeysOnlyAndNeverItsOwnOutput() {
        assertTrue(service.wants("photos/cat.JPG"));
        assertTrue(service.wants("a.jpeg"));
        assertTrue(service.wants("a.webp"));
        assertFalse(service.wants("notes.txt"));
        assertFalse(service.wants("jpg"));
        assertFalse(service.wants("photos/"));
        assertFalse(service.wants("thumbnails/w128/cat.jpg.jpg"));
    }
}
