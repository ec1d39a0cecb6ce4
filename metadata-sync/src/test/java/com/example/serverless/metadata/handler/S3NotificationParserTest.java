package com.example.serverless.metadata.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.serverless.metadata.domain.ObjectEvent;
import com.example.serverless.metadata.domain.ObjectEvent.Change;
import com.example.serverless.metadata.domain.Sequencer;
import com.example.serverless.metadata.support.Fixtures;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3NotificationParserTest {

    private final S3NotificationParser parser = new S3NotificationParser(new ObjectMapper());

    @Test
    void objectCreatedPutIsReadWithItsDecodedKeyAndSequencer() {
        ObjectEvent event = single(Fixtures.event("s3-object-created-put.json"));

        assertEquals(Change.CREATED, event.change());
        assertEquals("ObjectCreated:Put", event.eventName());
        assertEquals("media-uploads-eu", event.bucket());
        assertEquals("reports/2026/q3 summary.pdf", event.key());
        assertEquals(new Sequencer("00673DA97E4C1A2F36"), event.sequencer());
        assertEquals(Instant.parse("2026-11-20T09:15:42.318Z"), event.eventTime());
    }

    @Test
    void objectRemovedDeleteHasNoSizeOrEtagAndIsStillRead() {
        ObjectEvent event = single(Fixtures.event("s3-object-removed-delete.json"));

        assertEquals(Change.REMOVED, event.change());
        assertEquals("reports/2026/q3 summary.pdf", event.key());
        assertEquals(new Sequencer("00673DAAB3159D0E21"), event.sequencer());
    }

    @Test
    void deleteMarkerCreatedIsARemoval() {
        ObjectEvent event = single(Fixtures.event("s3-object-removed-delete-marker.json"));

        assertEquals(Change.REMOVED, event.change());
        assertEquals("ObjectRemoved:DeleteMarkerCreated", event.eventName());
    }

    @Test
    void testEventIsRecognisedSoItCanBeAcknowledged() {
        S3Notification notification = parser.parse(Fixtures.event("s3-test-event.json"));

        assertEquals("media-uploads-eu", assertInstanceOf(S3Notification.TestEvent.class, notification).bucket());
    }

    @Test
    void everyRecordOfAMessageIsReadAndKeysAreUrlDecodedAsUtf8() {
        List<ObjectEvent> events = assertInstanceOf(S3Notification.ObjectEvents.class,
                parser.parse(Fixtures.event("s3-two-records-encoded-keys.json"))).events();

        assertEquals(2, events.size());
        assertEquals("photos/summer 2026/café + thé.jpg", events.get(0).key());
        assertEquals("ObjectCreated:CompleteMultipartUpload", events.get(0).eventName());
        assertEquals("docs/日本語/100% done?.txt", events.get(1).key());
        assertEquals("ObjectCreated:Copy", events.get(1).eventName());
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
        assertThrows(MalformedNotificationException.class, () -> parser.parse(body));
    }

    @Test
    void nullBodyIsRejectedAsMalformed() {
        assertThrows(MalformedNotificationException.class, () -> parser.parse(null));
    }

    @Test
    void recordWithoutSequencerIsRejected() {
        assertMalformed(withoutObjectField("sequencer"));
    }

    @Test
    void nonHexSequencerIsRejected() {
        assertMalformed(Fixtures.event("s3-object-created-put.json").replace("00673DA97E4C1A2F36", "not-hex"));
    }

    @Test
    void eventTypeTheIndexDoesNotFollowIsRejected() {
        assertMalformed(Fixtures.event("s3-object-created-put.json").replace("ObjectCreated:Put", "ObjectRestore:Completed"));
    }

    @Test
    void keyWithABrokenPercentEscapeIsRejected() {
        assertMalformed(Fixtures.event("s3-object-created-put.json").replace("reports/2026/q3+summary.pdf", "bad%E0%A4%A"));
    }

    @Test
    void recordWithoutBucketNameIsRejected() {
        ObjectNode body = fixture();
        ((ObjectNode) body.at("/Records/0/s3/bucket")).remove("name");
        assertMalformed(body.toString());
    }

    @Test
    void recordWithUnreadableEventTimeIsRejected() {
        assertMalformed(Fixtures.event("s3-object-created-put.json").replace("2026-11-20T09:15:42.318Z", "yesterday"));
    }

    @Test
    void oneBadRecordRejectsTheWholeMessage() {
        String twoRecords = Fixtures.event("s3-two-records-encoded-keys.json").replace("00673DB1000000000B", "");
        assertMalformed(twoRecords);
    }

    private static ObjectNode fixture() {
        try {
            return (ObjectNode) new ObjectMapper().readTree(Fixtures.event("s3-object-created-put.json"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withoutObjectField(String field) {
        ObjectNode body = fixture();
        ((ObjectNode) body.at("/Records/0/s3/object")).remove(field);
        return body.toString();
    }

    private void assertMalformed(String body) {
        assertThrows(MalformedNotificationException.class, () -> parser.parse(body));
    }

    private ObjectEvent single(String body) {
        List<ObjectEvent> events = assertInstanceOf(S3Notification.ObjectEvents.class, parser.parse(body)).events();
        assertEquals(1, events.size());
        return events.get(0);
    }
}
