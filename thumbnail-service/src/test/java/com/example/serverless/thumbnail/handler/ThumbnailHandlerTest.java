package com.example.serverless.thumbnail.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.example.serverless.localcloud.FixedLambdaContext;
import com.example.serverless.thumbnail.domain.InMemoryImageStore;
import com.example.serverless.thumbnail.domain.OutputFormat;
import com.example.serverless.thumbnail.domain.StorageFailureException;
import com.example.serverless.thumbnail.domain.ThumbnailKeys;
import com.example.serverless.thumbnail.domain.ThumbnailService;
import com.example.serverless.thumbnail.domain.ThumbnailSettings;
import com.example.serverless.telemetry.EmfMetrics;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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

/** The handler on SQS events whose bodies are real S3 notification JSON (fixtures under events/). */
class ThumbnailHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Configured as Quarkus's Lambda runtime configures the mapper that reads events. */
    private static final ObjectMapper LAMBDA_JSON = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
            .build();

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
    void theCommittedSqsEventIsThumbnailedAndItsTestEventAcknowledged() throws Exception {
        SQSEvent event = LAMBDA_JSON.readValue(fixture("sqs-s3-notifications.json"), SQSEvent.class);
        assertEquals("arn:aws:sqs:us-east-1:123456789012:serverless-reference-ThumbnailQueue-9Z8Y7X6W5V4U",
                event.getRecords().get(0).getEventSourceArn(), "eventSourceARN maps despite its spelling");
        String key = "albums/summer 2026/café + friends (1).jpg";
        store.upload("uploads", key, null, photo());

        SQSBatchResponse response = handler.handleRequest(event, new FixedLambdaContext("thumbnail-service", "r-1"));

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(List.of("thumbnails/w128/" + key + ".jpg", "thumbnails/w512/" + key + ".jpg"),
                List.copyOf(store.outputs().keySet()));
        assertEquals(List.of(key), store.reads(), "the test event reads nothing");
    }

    @Test
    void passesTheVersionIdOn() throws Exception {
        store.upload("uploads", "phone/IMG_0042.jpg", "VERSION_ID", photo());

        handle(fixture("s3-object-created-versioned.json"));

        assertTrue(store.outputs().containsKey("thumbnails/w512/phone/IMG_0042.jpg.v-VERSION_ID.jpg"),
                store.outputs().keySet()::toString);
    }

    @Test
    void handlesEveryRecordAndIgnoresNonImagesAndItsOwnOutput() throws Exception {
        store.upload("uploads", "first.png", null, photo());
        store.upload("uploads", "second.jpg", null, photo());
        store.upload("uploads", "broken.jpg", null, "not a jpeg".getBytes(StandardCharsets.US_ASCII));

        assertEquals(List.of(), handle(fixture("s3-several-records.json")), "a rejected image is no failure");

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
        assertEquals(0, service.path("ThumbnailsRemoved").asInt(), service.toString());
        assertEquals("thumbnail-service", service.path("Service").asText());
        assertEquals(1, byReason.path("ThumbnailsRejected").asInt());
        assertEquals("NOT_AN_IMAGE", byReason.path("Reason").asText(), byReason.toString());
    }

    @Test
    void anObjectRemovedEventTakesTheUploadsThumbnailsWithItAndReadsNothing() throws Exception {
        store.upload("uploads", "cat.jpg", null, photo());
        handle(fixtureNamed("s3-object-removed.json", "ObjectCreated:Put"));
        assertEquals(2, store.outputs().size(), "control: the thumbnails exist");
        int readsBefore = store.reads().size();

        assertEquals(List.of(), handle(fixture("s3-object-removed.json")));

        assertEquals(List.of(), List.copyOf(store.outputs().keySet()));
        assertEquals(readsBefore, store.reads().size(), "a removal reads no upload");
    }

    @Test
    void aVersionExpiredByTheLifecycleRuleIsRemovedLikeADeletedOne() throws Exception {
        store.upload("uploads", "cat.jpg", null, photo());
        handle(fixtureNamed("s3-object-removed.json", "ObjectCreated:Put"));

        handle(fixtureNamed("s3-object-removed.json", "LifecycleExpiration:Delete"));

        assertEquals(List.of(), List.copyOf(store.outputs().keySet()));
    }

    @Test
    void ignoresEventsOtherThanCreatedRemovedOrExpired() throws Exception {
        assertEquals(List.of(), handle(fixtureNamed("s3-object-removed.json", "ObjectRestore:Completed")));
        assertTrue(store.reads().isEmpty());
    }

    @Test
    void refusesToWorkOnItsOwnOutputBucket() throws Exception {
        ThumbnailHandler misconfigured = new ThumbnailHandler(new ThumbnailService(store,
                new ThumbnailSettings(List.of(128), OutputFormat.JPEG, 0.85f, 60_000_000),
                new ThumbnailKeys("thumbnails/"), 1_000_000), "uploads", metrics());
        store.upload("uploads", "first.png", null, photo());

        misconfigured.handleRequest(sqs(fixture("s3-several-records.json")), new FixedLambdaContext("thumbnail-service", "r-6"));

        assertTrue(store.outputs().isEmpty());
    }

    @Test
    void aSourceDeletedInTheMeantimeIsNoFailure() throws Exception {
        assertEquals(List.of(), handle(fixture("s3-object-created.json")));
        assertTrue(store.outputs().isEmpty());
    }

    @Test
    void aStorageFailureFailsItsMessageAloneAndClearsTheRequestId() throws Exception {
        store.upload("uploads", "albums/summer 2026/café + friends (1).jpg", null, photo());
        store.failWith(new StorageFailureException("throttled", null));

        SQSBatchResponse response = handler.handleRequest(sqs(fixture("s3-object-created.json"), fixture("s3-test-event.json")),
                new FixedLambdaContext("thumbnail-service", "r-8"));

        assertEquals(List.of("m-1"), response.getBatchItemFailures().stream().map(BatchItemFailure::getItemIdentifier).toList());
        assertNull(MDC.get("requestId"));
        assertNull(MDC.get("traceId"));
    }

    @Test
    void aBodyThatIsNoS3NotificationFailsItsMessageAloneSoTheQueueMovesItToTheDlq() throws Exception {
        store.upload("uploads", "albums/summer 2026/café + friends (1).jpg", null, photo());

        SQSBatchResponse response = handler.handleRequest(sqs("not json", "{\"Records\":[]}", fixture("s3-object-created.json")),
                new FixedLambdaContext("thumbnail-service", "r-9"));

        assertEquals(List.of("m-1", "m-2"), response.getBatchItemFailures().stream().map(BatchItemFailure::getItemIdentifier).toList());
        assertEquals(2, store.outputs().size(), "the good message beside them is thumbnailed");
    }

    /** The ids of the messages that failed, for one message with this body. */
    private List<String> handle(String body) {
        return handler.handleRequest(sqs(body), new FixedLambdaContext("thumbnail-service", "r"))
                .getBatchItemFailures().stream().map(BatchItemFailure::getItemIdentifier).toList();
    }

    /** An SQS event with one message per body, ids m-1, m-2, ... */
    static SQSEvent sqs(String... bodies) {
        List<SQSMessage> messages = new ArrayList<>();
        for (String body : bodies) {
            SQSMessage message = new SQSMessage();
            message.setMessageId("m-" + (messages.size() + 1));
            message.setBody(body);
            message.setEventSource("aws:sqs");
            messages.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }

    /** The committed event with another eventName. */
    private static String fixtureNamed(String name, String eventName) throws IOException {
        return fixture(name).replaceFirst("\"eventName\": \"[^\"]+\"", "\"eventName\": \"" + eventName + "\"");
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = ThumbnailHandlerTest.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
