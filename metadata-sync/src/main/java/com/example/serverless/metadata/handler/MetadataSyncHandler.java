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
import jakarta.inject.Named;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The SQS event source mapping hands this function up to 10 messages, each an S3 event notification. Every
 * message is handled on its own; the response lists the ones that failed ({@code ReportBatchItemFailures}), so
 * SQS redelivers only those and, after the queue's maxReceiveCount, moves them to the DLQ. The rest are deleted.
 */
@Named("metadataSync")
public class MetadataSyncHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = Logger.getLogger(MetadataSyncHandler.class);

    private final MetadataSync sync;
    private final S3NotificationParser parser = new S3NotificationParser(new ObjectMapper());

    public MetadataSyncHandler(MetadataSync sync) {
        this.sync = sync;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        MDC.put("requestId", context.getAwsRequestId());
        try {
            return PartialBatch.forQueue(event.getRecords(), SQSMessage::getMessageId, this::handleMessage);
        } finally {
            MDC.remove("requestId");
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
                    LOG.infof("message=%s event=%s bucket=%s key=%s sequencer=%s outcome=%s durationMs=%d",
                            message.getMessageId(), objectEvent.eventName(), objectEvent.bucket(), objectEvent.key(),
                            objectEvent.sequencer(), outcome, (System.nanoTime() - started) / 1_000_000);
                }
            }
        }
    }
}
