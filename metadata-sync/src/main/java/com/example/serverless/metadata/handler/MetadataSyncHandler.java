package com.example.serverless.metadata.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.example.serverless.batch.PartialBatch;
import com.example.serverless.metadata.domain.MetadataSync;
import com.example.serverless.metadata.domain.ObjectEvent;
import com.example.serverless.metadata.domain.SyncOutcome;
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
                for (ObjectEvent objectEvent : objectEvents.events()) {
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
}
