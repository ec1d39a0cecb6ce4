package com.example.serverless.s3notification;

import java.util.List;

/** The body of one SQS message that S3 sent: its test event, or one or more object events. */
public sealed interface S3Notification {

    /** {@code s3:TestEvent}: S3 sends it once when a notification configuration is saved; there is nothing to do. */
    record TestEvent(String bucket) implements S3Notification {
    }

    record ObjectEvents(List<ObjectRecord> records) implements S3Notification {

        public ObjectEvents {
            if (records.isEmpty()) {
                throw new IllegalArgumentException("an S3 notification has at least one record");
            }
            records = List.copyOf(records);
        }
    }
}
