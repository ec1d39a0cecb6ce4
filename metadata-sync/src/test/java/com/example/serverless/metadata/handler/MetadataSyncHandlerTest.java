package com.example.serverless.metadata.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.example.serverless.localcloud.FixedLambdaContext;
import com.example.serverless.metadata.domain.IndexedObject;
import com.example.serverless.metadata.domain.MetadataSync;
import com.example.serverless.metadata.domain.ObjectState;
import com.example.serverless.metadata.support.Fixtures;
import com.example.serverless.metadata.support.InMemoryBucket;
import com.example.serverless.metadata.support.InMemoryMetadataIndex;
import com.example.serverless.metadata.support.S3NotificationJson;
import com.example.serverless.telemetry.EmfMetrics;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataSyncHandlerTest {

    private static final String BUCKET = "media-uploads-eu";

    /** Configured as Quarkus's Lambda runtime configures the mapper that reads events. */
    private static final ObjectMapper LAMBDA_JSON = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
            .build();

    private final InMemoryBucket s3 = new InMemoryBucket();
    private final InMemoryMetadataIndex index = new InMemoryMetadataIndex();
    private final ByteArrayOutputStream metricLines = new ByteArrayOutputStream();
    private final MetadataSyncHandler handler = new MetadataSyncHandler(
            new MetadataSync(s3, index, Clock.systemUTC(), Duration.ofDays(30)),
            metrics());

    private EmfMetrics metrics() {
        return new EmfMetrics("metadata-sync", new PrintStream(metricLines, true, StandardCharsets.UTF_8), Clock.systemUTC());
    }

    @Test
    void committedSqsEventIsIndexedAndItsTestEventAcknowledged() throws Exception {
        SQSEvent event = LAMBDA_JSON.readValue(Fixtures.event("sqs-s3-notifications.json"), SQSEvent.class);
        assertEquals("arn:aws:sqs:eu-west-1:123456789012:metadata-sync-MetadataQueue-1A2B3C4D5E6F",
                event.getRecords().get(0).getEventSourceArn(), "eventSourceARN maps despite its spelling");
        s3.put("reports/2026/q3 summary.pdf", pdf());

        SQSBatchResponse response = handler.handleRequest(event, new FixedLambdaContext("metadata-sync", "req-1"));

        assertTrue(response.getBatchItemFailures().isEmpty());
        String metrics = metricLines.toString(StandardCharsets.UTF_8);
        assertTrue(metrics.contains("\"MessagesFailed\":0"), metrics);
        assertTrue(metrics.contains("\"Outcome\":\"INDEXED\",\"IndexEvents\":1"), metrics);
        IndexedObject entry = assertInstanceOf(IndexedObject.class,
                index.find(BUCKET, "reports/2026/q3 summary.pdf").orElseThrow());
        assertEquals("application/pdf", entry.state().contentType());
    }

    @Test
    void onlyTheMalformedAndTheThrottledMessagesAreReportedAsFailed() {
        s3.put("ok-1.pdf", pdf());
        s3.put("ok-2.pdf", pdf());
        s3.put("throttled.pdf", pdf());
        s3.throttle("throttled.pdf");
        SQSEvent event = batch(
                message("m-ok-1", S3NotificationJson.created(BUCKET, "ok-1.pdf", "0A")),
                message("m-not-json", "this is not JSON"),
                message("m-throttled", S3NotificationJson.created(BUCKET, "throttled.pdf", "0A")),
                message("m-unknown-shape", "{\"hello\":\"world\"}"),
                message("m-ok-2", S3NotificationJson.created(BUCKET, "ok-2.pdf", "0A")));

        SQSBatchResponse response = handler.handleRequest(event, new FixedLambdaContext("metadata-sync", "req-2"));

        assertEquals(List.of("m-not-json", "m-throttled", "m-unknown-shape"),
                response.getBatchItemFailures().stream().map(BatchItemFailure::getItemIdentifier).toList());
        assertTrue(index.find(BUCKET, "ok-1.pdf").isPresent());
        assertTrue(index.find(BUCKET, "ok-2.pdf").isPresent());
        assertTrue(index.find(BUCKET, "throttled.pdf").isEmpty());
    }

    @Test
    void aRetriedMessageWhoseFirstRecordWasAppliedSucceedsAsADuplicate() {
        s3.put("photos/summer 2026/café + thé.jpg", pdf());
        s3.put("docs/日本語/100% done?.txt", pdf());
        s3.throttle("docs/日本語/100% done?.txt");
        SQSEvent event = batch(message("m-two", Fixtures.event("s3-two-records-encoded-keys.json")));

        assertEquals(1, handler.handleRequest(event, new FixedLambdaContext("metadata-sync", "req-3")).getBatchItemFailures().size());
        assertTrue(index.find(BUCKET, "photos/summer 2026/café + thé.jpg").isPresent(), "the first record committed");

        InMemoryBucket recovered = new InMemoryBucket();
        recovered.put("photos/summer 2026/café + thé.jpg", pdf());
        recovered.put("docs/日本語/100% done?.txt", pdf());
        MetadataSyncHandler retry = new MetadataSyncHandler(
                new MetadataSync(recovered, index, Clock.systemUTC(), Duration.ofDays(30)), metrics());
        assertTrue(retry.handleRequest(event, new FixedLambdaContext("metadata-sync", "req-4")).getBatchItemFailures().isEmpty());
        assertTrue(index.find(BUCKET, "docs/日本語/100% done?.txt").isPresent());
    }

    @Test
    void messagesTheIndexCannotFollowFailAndLeaveTheIndexAlone() {
        s3.put("reports/2026/q3 summary.pdf", pdf());
        String put = Fixtures.event("s3-object-created-put.json");
        SQSEvent event = batch(
                message("m-no-sequencer", put.replace(",\n          \"sequencer\": \"00673DA97E4C1A2F36\"", "")),
                message("m-bad-sequencer", put.replace("00673DA97E4C1A2F36", "not-hex")),
                message("m-restore", put.replace("ObjectCreated:Put", "ObjectRestore:Completed")));

        SQSBatchResponse response = handler.handleRequest(event, new FixedLambdaContext("metadata-sync", "req-6"));

        assertEquals(List.of("m-no-sequencer", "m-bad-sequencer", "m-restore"),
                response.getBatchItemFailures().stream().map(BatchItemFailure::getItemIdentifier).toList());
        assertTrue(index.find(BUCKET, "reports/2026/q3 summary.pdf").isEmpty());
    }

    @Test
    void emptyBatchAnswersNoFailures() {
        assertTrue(handler.handleRequest(batch(), new FixedLambdaContext("metadata-sync", "req-5")).getBatchItemFailures().isEmpty());
    }

    private static SQSEvent batch(SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(new ArrayList<>(List.of(messages)));
        return event;
    }

    private static SQSMessage message(String id, String body) {
        SQSMessage message = new SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        message.setEventSource("aws:sqs");
        return message;
    }

    private static ObjectState pdf() {
        return new ObjectState(48213, "9b2cf535f27731c974343645a3985328", null, "application/pdf",
                Map.of("department", "finance"), Instant.parse("2026-11-20T09:15:42Z"));
    }
}
