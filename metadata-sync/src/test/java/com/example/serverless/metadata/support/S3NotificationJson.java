package com.example.serverless.metadata.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * S3 event notification bodies as S3 writes them into SQS, starting from the committed fixture and changing only
 * the event name, bucket, key (URL-encoded as S3 does: '+' for spaces, '/' kept) and sequencer.
 */
public final class S3NotificationJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private S3NotificationJson() {
    }

    public static String created(String bucket, String key, String sequencer) {
        return notification("ObjectCreated:Put", bucket, key, sequencer);
    }

    public static String removed(String bucket, String key, String sequencer) {
        return notification("ObjectRemoved:Delete", bucket, key, sequencer);
    }

    public static String notification(String eventName, String bucket, String key, String sequencer) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(Fixtures.event("s3-object-created-put.json"));
            ObjectNode record = (ObjectNode) body.path("Records").path(0);
            record.put("eventName", eventName).put("eventTime", Instant.now().toString());
            ObjectNode s3 = (ObjectNode) record.path("s3");
            ((ObjectNode) s3.path("bucket")).put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
            ObjectNode object = (ObjectNode) s3.path("object");
            object.put("key", encodeKey(key)).put("sequencer", sequencer);
            if (eventName.startsWith("ObjectRemoved:")) {
                object.remove("size");
                object.remove("eTag");
            }
            return JSON.writeValueAsString(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encodeKey(String key) {
        return Arrays.stream(key.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8))
                .collect(Collectors.joining("/"));
    }
}
