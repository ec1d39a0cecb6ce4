package com.example.serverless.metadata.handler;

import com.example.serverless.metadata.domain.ObjectEvent;
import java.util.List;

/** The body of one SQS message that S3 sent: a test event, or one or more object events. */
sealed interface S3Notification {

    /** {@code s3:TestEvent}: S3 sends it once when the notification configuration is saved. */
    record TestEvent(String bucket) implements S3Notification {
    }

    record ObjectEvents(List<ObjectEvent> events) implements S3Notification {

        public ObjectEvents {
            if (events.isEmpty()) {
                throw new IllegalArgumentException("an S3 notification has at least one record");
            }
            events = List.copyOf(events);
        }
    }
}
