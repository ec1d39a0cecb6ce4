package com.example.serverless.thumbnail.handler;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The S3 event as S3 sends it to Lambda, reduced to the fields this function reads. One type covers both
 * shapes S3 sends: {@code {"Records":[...]}} for object events and
 * {@code {"Service":"Amazon S3","Event":"s3:TestEvent",...}} when a notification is configured.
 * aws-lambda-java-events' {@code S3Event} only models the first, so a test event would look like an empty one.
 */
@RegisterForReflection(targets = {S3Notification.Record.class, S3Notification.Entity.class,
        S3Notification.Bucket.class, S3Notification.S3Object.class})
@JsonIgnoreProperties(ignoreUnknown = true)
public record S3Notification(@JsonProperty("Records") List<Record> records, @JsonProperty("Event") String event) {

    static final String TEST_EVENT = "s3:TestEvent";

    public S3Notification {
        records = records == null ? List.of() : List.copyOf(records);
    }

    public boolean isTestEvent() {
        return TEST_EVENT.equals(event);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Record(String eventSource, String eventName, String eventTime, Entity s3) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entity(Bucket bucket, @JsonProperty("object") S3Object object) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bucket(String name) {
    }

    /** {@code key} is URL-encoded as in a form: '+' for space, %xx for UTF-8 bytes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record S3Object(String key, Long size, String versionId, String sequencer) {
    }
}
