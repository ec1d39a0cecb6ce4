package com.example.serverless.thumbnail.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.localcloud.FixedLambdaContext;
import com.example.serverless.thumbnail.domain.InMemoryImageStore;
import com.example.serverless.thumbnail.domain.OutputFormat;
import com.example.serverless.thumbnail.domain.StorageFailureException;
import com.example.serverless.thumbnail.domain.ThumbnailKeys;
import com.example.serverless.thumbnail.domain.ThumbnailService;
import com.example.serverless.thumbnail.domain.ThumbnailSettings;
import com.example.serverless.telemetry.EmfMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

/** The handler on real S3 event JSON, parsed as plain Jackson parses it. */
class ThumbnailHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryImageStore store = new InMemoryImageStore();
    private final ByteArrayOutputStream emf = new ByteArrayOutputStream();

    private EmfMetrics metrics() {
        return new EmfMetrics("thumbnail-service", new PrintStream(emf, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC));
    }

    /** The EMF lines written so far. */
    private List<JsonNode> metricsLines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : emf.toString(StandardCharsets.UTF_8).lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
    private final ThumbnailHandler handler = new ThumbnailHandler(new ThumbnailService(store,
            new ThumbnailSettings(List.of(128, 512), OutputFormat.JPEG, 0.85f, 60_000_000),
            new ThumbnailKeys("thumbnails/"), 1_000_000), "thumbnails", metrics());

    @Test
    void decodesTheUrlEncodedKeyOfAnObjectCreatedEvent() throws Exception {
        String key = "albums/summer 2026/café + friends (1).jpg";
        store.upload("uploads", key, null, photo());

        InvocationSummary summary = handler.handleRequest(event("s3-object-created.json"), new FixedLambdaContext("thumbnail-service", "r-1"));

        assertEquals(new InvocationSummary(1, 0, 0, 0, 0), summary);
        assertEquals(List.of("thumbnails/w128/" + key + ".jpg", "thumbnails/w512/" + key + ".jpg"),
                List.copyOf(store.outputs().keySet()));
    }

    @Test
    void passesTheVersionIdOn() throws Exception {
        store.upload("uploads", "phone/IMG_0042.jpg", "VERSION_ID", photo());

        handler.handleRequest(event("s3-object-created-versioned.json"), new FixedLambdaContext("thumbnail-service", "r-2"));

        assertTrue(store.outputs().containsKey("thumbnails/w512/phone/IMG_0042.jpg.v-VERSION_ID.jpg"),
                store.outputs().keySet()::toString);
    }

    @Test
    void handlesEveryRecordAndIgnoresNonImagesAndItsOwnOutput() throws Exception {
        store.upload("uploads", "first.png", null, photo());
        store.upload("uploads", "second.jpg", null, photo());
        store.upload("uploads", "broken.jpg", null, "not a jpeg".getBytes(StandardCharsets.US_ASCII));

        InvocationSummary summary = handler.handleRequest(event("s3-several-records.json"), new FixedLambdaContext("thumbnail-service", "r-3"));

        assertEquals(new InvocationSummary(2, 1, 0, 0, 2), summary);
        assertEquals(List.of("thumbnails/failed/broken.jpg.json",
                        "thumbnails/w128/first.png.jpg", "thumbnails/w128/second.jpg.jpg",
                        "thumbnails/w512/first.png.jpg", "thumbnails/w512/second.jpg.jpg"),
                List.copyOf(store.outputs().keySet()));
        assertEquals(List.of("first.png", "second.jpg", "broken.jpg"), store.reads());
        List<JsonNode> metrics = metricsLines();
        assertEquals(2, metrics.size(), "one line per dimension set: the service's, and the rejections by reason");
        JsonNode service = metrics.stream().filter(line -> !line.has("Reason")).findFirst().orElseThrow();
        JsonNode byReason = metrics.stream().filter(line -> line.has("Reason")).findFirst().orElseThrow();
        assertEquals(2, service.path("ThumbnailsMade").asInt());
        assertEquals("thumbnail-service", service.path("Service").asText());
        assertEquals(1, byReason.path("ThumbnailsRejected").asInt());
        assertEquals("NOT_AN_IMAGE", byReason.path("Reason").asText(), byReason.toString());
    }

    @Test
    void acknowledgesTheS3TestEvent() throws Exception {
        S3Notification notification = event("s3-test-event.json");

        assertTrue(notification.isTestEvent());
        assertEquals(InvocationSummary.NONE, handler.handleRequest(notification, new FixedLambdaContext("thumbnail-service", "r-4")));
        assertTrue(store.reads().isEmpty());
    }

    @Test
    void anObjectRemovedEventTakesTheUploadsThumbnailsWithItAndReadsNothing() throws Exception {
        store.upload("uploads", "cat.jpg", null, photo());
        handler.handleRequest(eventNamed("s3-object-removed.json", "ObjectCreated:Put"),
                new FixedLambdaContext("thumbnail-service", "r-5"));
        assertEquals(2, store.outputs().size(), "control: the thumbnails exist");
        int readsBefore = store.reads().size();

        InvocationSummary summary = handler.handleRequest(event("s3-object-removed.json"),
                new FixedLambdaContext("thumbnail-service", "r-6"));

        assertEquals(new InvocationSummary(0, 0, 0, 1, 0), summary);
        assertEquals(List.of(), List.copyOf(store.outputs().keySet()));
        assertEquals(readsBefore, store.reads().size(), "a removal reads no upload");
    }

    @Test
    void aVersionExpiredByTheLifecycleRuleIsRemovedLikeADeletedOne() throws Exception {
        store.upload("uploads", "cat.jpg", null, photo());
        handler.handleRequest(eventNamed("s3-object-removed.json", "ObjectCreated:Put"),
                new FixedLambdaContext("thumbnail-service", "r-8"));

        InvocationSummary summary = handler.handleRequest(eventNamed("s3-object-removed.json", "LifecycleExpiration:Delete"),
                new FixedLambdaContext("thumbnail-service", "r-9"));

        assertEquals(new InvocationSummary(0, 0, 0, 1, 0), summary);
        assertEquals(List.of(), List.copyOf(store.outputs().keySet()));
    }

    @Test
    void ignoresEventsOtherThanCreatedRemovedOrExpired() throws Exception {
        S3Notification restored = eventNamed("s3-object-removed.json", "ObjectRestore:Completed");

        assertEquals(new InvocationSummary(0, 0, 0, 0, 1),
                handler.handleRequest(restored, new FixedLambdaContext("thumbnail-service", "r-7")));
        assertTrue(store.reads().isEmpty());
    }

    /** The committed event with another eventName. */
    private static S3Notification eventNamed(String name, String eventName) throws IOException {
        try (InputStream in = ThumbnailHandlerTest.class.getResourceAsStream("/events/" + name)) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return JSON.readValue(json.replaceFirst("\"eventName\": \"[^\"]+\"", "\"eventName\": \"" + eventName + "\""),
                    S3Notification.class);
        }
    }

    @Test
    void refusesToWorkOnItsOwnOutputBucket() throws Exception {
        ThumbnailHandler misconfigured = new ThumbnailHandler(new ThumbnailService(store,
                new ThumbnailSettings(List.of(128), OutputFormat.JPEG, 0.85f, 60_000_000),
                new ThumbnailKeys("thumbnails/"), 1_000_000), "uploads", metrics());
        store.upload("uploads", "first.png", null, photo());

        InvocationSummary summary = misconfigured.handleRequest(event("s3-several-records.json"), new FixedLambdaContext("thumbnail-service", "r-6"));

        assertEquals(new InvocationSummary(0, 0, 0, 0, 5), summary);
        assertTrue(store.outputs().isEmpty());
    }

    @Test
    void reportsASourceDeletedInTheMeantime() throws Exception {
        assertEquals(new InvocationSummary(0, 0, 1, 0, 0),
                handler.handleRequest(event("s3-object-created.json"), new FixedLambdaContext("thumbnail-service", "r-7")));
    }

    @Test
    void aStorageFailureFailsTheInvocationAndClearsTheRequestId() throws Exception {
        store.failWith(new StorageFailureException("throttled", null));

        assertThrows(StorageFailureException.class,
                () -> handler.handleRequest(event("s3-object-created.json"), new FixedLambdaContext("thumbnail-service", "r-8")));
        assertNull(MDC.get("requestId"));
        assertNull(MDC.get("traceId"));
    }

    static S3Notification event(String name) throws IOException {
        try (InputStream in = ThumbnailHandlerTest.class.getResourceAsStream("/events/" + name)) {
            return JSON.readValue(in, S3Notification.class);
        }
    }

    static byte[] photo() throws IOException {
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(30, 120, 200));
        g.fillRect(0, 0, 800, 600);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", bytes);
        return bytes.toByteArray();
    }
}
