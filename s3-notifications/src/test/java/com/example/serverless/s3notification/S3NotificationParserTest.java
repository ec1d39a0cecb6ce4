package com.example.serverless.s3notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The parser on S3 notification bodies as S3 writes them into SQS messages (fixtures under events/). */
class S3NotificationParserTest {

    private final S3NotificationParser parser = new S3NotificationParser(new ObjectMapper());

    @Test
    void objectCreatedPutIsReadWithItsDecodedKeyVersionSizeAndSequencer() {
        ObjectRecord record = single(event("s3-object-created-put.json"));

        assertEquals(new ObjectRecord("ObjectCreated:Put", "media-uploads-eu", "reports/2026/q3 summary.pdf",
                "Lx3vQ8dC1mXv2o0bS9eZp.aT7uEXAMPLE", 48213L, "00673DA97E4C1A2F36",
                Instant.parse("2026-11-20T09:15:42.318Z")), record);
    }

    @Test
    void objectRemovedDeleteHasNoSize() {
        ObjectRecord record = single(event("s3-object-removed-delete.json"));

        assertEquals("ObjectRemoved:Delete", record.eventName());
        assertEquals("reports/2026/q3 summary.pdf", record.key());
        assertNull(record.size());
        assertEquals("00673DAAB3159D0E21", record.sequencer());
    }

    @Test
    void testEventIsRecognisedSoItCanBeAcknowledged() {
        S3Notification notification = parser.parse(event("s3-test-event.json"));

        assertEquals("media-uploads-eu", assertInstanceOf(S3Notification.TestEvent.class, notification).bucket());
    }

    @Test
    void everyRecordOfAMessageIsReadAndKeysAreUrlDecodedAsUtf8() {
        List<ObjectRecord> records = assertInstanceOf(S3Notification.ObjectEvents.class,
                parser.parse(event("s3-two-records-encoded-keys.json"))).records();

        assertEquals(2, records.size());
        assertEquals("photos/summer 2026/café + thé.jpg", records.get(0).key());
        assertEquals("ObjectCreated:CompleteMultipartUpload", records.get(0).eventName());
        assertEquals("docs/日本語/100% done?.txt", records.get(1).key());
        assertEquals("ObjectCreated:Copy", records.get(1).eventName());
    }

    @Test
    void anUnversionedObjectHasNoVersionIdAndOptionalFieldsMayBeMissing() {
        ObjectNode body = fixture();
        ((ObjectNode) body.at("/Records/0/s3/object")).remove(List.of("versionId", "sequencer", "size"));

        ObjectRecord record = single(body.toString());

        assertNull(record.versionId());
        assertNull(record.sequencer());
        assertNull(record.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "not json",
        "{\"Records\":[",
        "[]",
        "\"a string\"",
        "{}",
        "{\"Records\":[]}",
        "{\"Records\":{}}",
        // An SNS envelope: the queue was subscribed to a topic instead of the bucket.
        "{\"Type\":\"Notification\",\"MessageId\":\"m-1\",\"Message\":\"{}\"}",
        // An EventBridge event: a different integration.
        "{\"detail-type\":\"Object Created\",\"source\":\"aws.s3\",\"detail\":{}}"
    })
    void bodiesThatAreNotS3NotificationsAreRejectedAsMalformed(String body) {
        assertMalformed(body);
    }

    @Test
    void nullBodyIsRejectedAsMalformed() {
        assertMalformed(null);
    }

    @Test
    void keyWithABrokenPercentEscapeIsRejected() {
        assertMalformed(event("s3-object-created-put.json").replace("reports/2026/q3+summary.pdf", "bad%E0%A4%A"));
    }

    @Test
    void recordWithoutBucketNameIsRejected() {
        ObjectNode body = fixture();
        ((ObjectNode) body.at("/Records/0/s3/bucket")).remove("name");
        assertMalformed(body.toString());
    }

    @Test
    void recordWithUnreadableEventTimeIsRejected() {
        assertMalformed(event("s3-object-created-put.json").replace("2026-11-20T09:15:42.318Z", "yesterday"));
    }

    @Test
    void oneBadRecordRejectsTheWholeMessage() {
        assertMalformed(event("s3-two-records-encoded-keys.json").replace("\"docs/", "\"\",\"x\":\"docs/"));
    }

    private static ObjectNode fixture() {
        try {
            return (ObjectNode) new ObjectMapper().readTree(event("s3-object-created-put.json"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String event(String name) {
        try (InputStream in = S3NotificationParserTest.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertMalformed(String body) {
        assertThrows(MalformedNotificationException.class, () -> parser.parse(body));
    }

    private ObjectRecord single(String body) {
        List<ObjectRecord> records = assertInstanceOf(S3Notification.ObjectEvents.class, parser.parse(body)).records();
        assertEquals(1, records.size());
        return records.getFirst();
    }
}
