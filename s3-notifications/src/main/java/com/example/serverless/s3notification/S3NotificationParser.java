package com.example.serverless.s3notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the S3 event notification JSON that S3 puts in an SQS message body. Only the fields functions use are
 * read; anything else (eventVersion 2.1 to 2.3, userIdentity, responseElements) is ignored.
 */
public final class S3NotificationParser {

    private static final String TEST_EVENT = "s3:TestEvent";

    private final ObjectMapper json;

    public S3NotificationParser(ObjectMapper json) {
        this.json = json;
    }

    /** @throws MalformedNotificationException when the body is not an S3 event notification */
    public S3Notification parse(String body) {
        if (body == null || body.isBlank()) {
            throw new MalformedNotificationException("empty message body");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedNotificationException("message body is not JSON", e);
        }
        if (!root.isObject()) {
            throw new MalformedNotificationException("message body is not a JSON object");
        }
        if (TEST_EVENT.equals(root.path("Event").asText(null))) {
            return new S3Notification.TestEvent(root.path("Bucket").asText(null));
        }
        JsonNode records = root.get("Records");
        if (records == null || !records.isArray() || records.isEmpty()) {
            throw new MalformedNotificationException("not an S3 event notification: no Records");
        }
        List<ObjectRecord> parsed = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            parsed.add(objectRecord(record));
        }
        return new S3Notification.ObjectEvents(parsed);
    }

    private static ObjectRecord objectRecord(JsonNode record) {
        Instant eventTime;
        try {
            eventTime = Instant.parse(text(record, "eventTime"));
        } catch (DateTimeParseException e) {
            throw new MalformedNotificationException("bad eventTime", e);
        }
        JsonNode object = record.path("s3").path("object");
        return new ObjectRecord(text(record, "eventName"), text(record, "s3.bucket.name"),
                objectKey(text(record, "s3.object.key")), optionalText(object, "versionId"),
                object.path("size").isIntegralNumber() ? object.path("size").asLong() : null,
                optionalText(object, "sequencer"), eventTime);
    }

    /** S3 URL-encodes keys in notifications as an HTML form does: '+' is a space, %XX are UTF-8 bytes. */
    private static String objectKey(String encoded) {
        try {
            String key = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
            if (key.isEmpty()) {
                throw new MalformedNotificationException("empty object key");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new MalformedNotificationException("object key is not URL-encoded", e);
        }
    }

    /** The text at a dotted path below a record, e.g. {@code s3.object.key}; never empty. */
    private static String text(JsonNode record, String path) {
        JsonNode value = record;
        for (String field : path.split("\\.")) {
            value = value.path(field);
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new MalformedNotificationException("missing or non-text field Records[]." + path);
        }
        return value.asText();
    }

    private static String optionalText(JsonNode object, String field) {
        JsonNode value = object.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
