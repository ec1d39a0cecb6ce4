package com.example.serverless.metadata.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.example.serverless.batch.PartialBatch;
import com.example.serverless.metadata.domain.MetadataSync;
import com.example.serverless.metadata.domain.ObjectEvent;
import com.example.serverless.metadata.domain.ObjectEvent.Change;
import com.example.serverless.metadata.domain.Sequencer;
import com.example.serverless.metadata.domain.SyncOutcome;
import com.example.serverless.s3notification.MalformedNotificationException;
import com.example.serverless.s3notification.ObjectRecord;
import com.example.serverless.s3notification.S3Notification;
import com.example.serverless.s3notification.S3NotificationParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.example.serverless.telemetry.EmfMetrics;
import com.example.serverless.telemetry.InvocationLog;
import jakarta.inject.Named;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The SQS event source mapping hands this function up to 10 messages, each an S3 event notification. Every
 * message is handled on its own; the response lists the ones that failed ({@code ReportBatchItemFailures}), so
 * SQS redelivers only those and, after the queue's maxReceiveCount, moves them to the DLQ. The rest are deleted.
 * Each invocation counts, in CloudWatch metrics (EMF), its index events by outcome and its failed messages.
 */
@Named("metadataSync")
public class MetadataSyncHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = Logger.getLogger(MetadataSyncHandler.class);

    private final MetadataSync sync;
    private final EmfMetrics metrics;
    private final S3NotificationParser parser = new S3NotificationParser(new ObjectMapper());

    public MetadataSyncHandler(MetadataSync sync, EmfMetrics metrics) {
        this.sync = sync;
        this.metrics = metrics;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        try (InvocationLog log = InvocationLog.open(context.getAwsRequestId())) {
            SQSBatchResponse response = PartialBatch.forQueue(event.getRecords(), SQSMessage::getMessageId, this::handleMessage);
            List<SQSBatchResponse.BatchItemFailure> failures = response.getBatchItemFailures();
            metrics.count("MessagesFailed", failures.size());
            return response;
        } finally {
            metrics.flush();
        }
    }

    /** Throws to fail this message alone; applying a message again is always safe (see {@link MetadataSync}). */
    private void handleMessage(SQSMessage message) {
        switch (parser.parse(message.getBody())) {
            case S3Notification.TestEvent test ->
                    LOG.infof("message=%s s3:TestEvent bucket=%s outcome=IGNORED", message.getMessageId(), test.bucket());
            case S3Notification.ObjectEvents objectEvents -> {
                // Every record is read before the first is applied: a message the index cannot follow fails whole.
                List<ObjectEvent> events = objectEvents.records().stream().map(MetadataSyncHandler::objectEvent).toList();
                for (ObjectEvent objectEvent : events) {
                    long started = System.nanoTime();
                    SyncOutcome outcome = sync.apply(objectEvent);
                    metrics.count("IndexEvents", 1, "Outcome", outcome.name());
                    LOG.infof("message=%s event=%s bucket=%s key=%s sequencer=%s outcome=%s durationMs=%d",
                            message.getMessageId(), objectEvent.eventName(), objectEvent.bucket(), objectEvent.key(),
                            objectEvent.sequencer(), outcome, (System.nanoTime() - started) / 1_000_000);
                }
            }
        }
    }

    /** The record as the index follows it: created or removed, in the order of its sequencer. */
    static ObjectEvent objectEvent(ObjectRecord record) {
        Change change;
        if (record.eventName().startsWith("ObjectCreated:")) {
            change = Change.CREATED;
        } else if (record.eventName().startsWith("ObjectRemoved:")) {
            change = Change.REMOVED;
        } else {
            throw new MalformedNotificationException("event type " + record.eventName() + " is not followed by the index");
        }
        if (record.sequencer() == null) {
            throw new MalformedNotificationException("a record without a sequencer cannot be ordered");
        }
        try {
            return new ObjectEvent(change, record.eventName(), record.bucket(), record.key(),
                    new Sequencer(record.sequencer()), record.eventTime());
        } catch (IllegalArgumentException e) {
            throw new MalformedNotificationException("bad sequencer: " + e.getMessage(), e);
        }
    }
}
