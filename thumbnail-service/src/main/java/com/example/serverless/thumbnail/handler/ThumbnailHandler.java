package com.example.serverless.thumbnail.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.example.serverless.batch.PartialBatch;
import com.example.serverless.s3notification.ObjectRecord;
import com.example.serverless.s3notification.S3Notification;
import com.example.serverless.s3notification.S3NotificationParser;
import com.example.serverless.telemetry.EmfMetrics;
import com.example.serverless.telemetry.InvocationLog;
import com.example.serverless.thumbnail.config.ThumbnailConfig;
import com.example.serverless.thumbnail.domain.Outcome;
import com.example.serverless.thumbnail.domain.SourceObject;
import com.example.serverless.thumbnail.domain.ThumbnailService;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The thumbnail queue's event source mapping hands this function a few messages, each an S3 event notification
 * ({@code s3:ObjectCreated:*}, {@code s3:ObjectRemoved:*}, {@code s3:LifecycleExpiration:*}). Every message is
 * handled on its own and the response lists the ones that failed ({@code ReportBatchItemFailures}): a storage
 * failure or a body that is no S3 notification returns that message to the queue, whose redrive policy moves it to
 * the DLQ after its last attempt. A rejected image is recorded and its message succeeds (retrying cannot help);
 * records already done are redone on a retry, which only overwrites. EMF, once per invocation:
 * {@code ThumbnailsMade} (sources thumbnailed), {@code ThumbnailsRejected} by {@code Reason}, {@code ThumbnailsRemoved}.
 */
@Named("thumbnail")
public class ThumbnailHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = Logger.getLogger(ThumbnailHandler.class);

    private final ThumbnailService thumbnails;
    private final String outputBucket;
    private final EmfMetrics metrics;
    private final S3NotificationParser parser = new S3NotificationParser(new ObjectMapper());

    @Inject
    public ThumbnailHandler(ThumbnailService thumbnails, ThumbnailConfig config, EmfMetrics metrics) {
        this(thumbnails, config.outputBucket(), metrics);
    }

    ThumbnailHandler(ThumbnailService thumbnails, String outputBucket, EmfMetrics metrics) {
        this.thumbnails = thumbnails;
        this.outputBucket = outputBucket;
        this.metrics = metrics;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        try (InvocationLog log = InvocationLog.open(context.getAwsRequestId())) {
            // Both counts on every invocation, zeros included: a quiet period is a line of zeros, not a gap.
            metrics.count("ThumbnailsMade", 0);
            metrics.count("ThumbnailsRemoved", 0);
            return PartialBatch.forQueue(event.getRecords(), SQSMessage::getMessageId, this::handleMessage);
        } finally {
            metrics.flush();
        }
    }

    /** Throws to fail this message alone. */
    private void handleMessage(SQSMessage message) {
        switch (parser.parse(message.getBody())) {
            case S3Notification.TestEvent test ->
                    LOG.infof("message=%s s3:TestEvent bucket=%s acknowledged", message.getMessageId(), test.bucket());
            case S3Notification.ObjectEvents events -> events.records().forEach(record -> handle(message, record));
        }
    }

    private void handle(SQSMessage message, ObjectRecord record) {
        long start = System.nanoTime();
        String eventName = record.eventName();
        boolean created = eventName.startsWith("ObjectCreated:");
        // A lifecycle rule expiring a noncurrent version removes it as surely as a delete does.
        boolean removed = eventName.startsWith("ObjectRemoved:") || eventName.startsWith("LifecycleExpiration:");
        String bucket = record.bucket();
        String key = record.key();
        if (!(created || removed)) {
            LOG.warnf("message=%s ignored: not an ObjectCreated, ObjectRemoved or LifecycleExpiration record (eventName=%s)",
                    message.getMessageId(), eventName);
            return;
        }
        if (outputBucket.equals(bucket)) {
            // Writing thumbnails next to their sources would invoke us on our own output, forever.
            LOG.errorf("message=%s ignored: event from the output bucket %s (key=%s); the uploads bucket must be another one",
                    message.getMessageId(), bucket, key);
            return;
        }
        if (!thumbnails.wants(key)) {
            LOG.infof("message=%s ignored: not an image key, or our own output (bucket=%s key=%s)",
                    message.getMessageId(), bucket, key);
            return;
        }
        SourceObject source = new SourceObject(bucket, key, record.versionId(), record.size() == null ? 0 : record.size());
        if (removed) {
            // A delete marker hides every version; a plain delete removed one version for good (or the object).
            Outcome outcome = thumbnails.remove(source, eventName.endsWith(":DeleteMarkerCreated"));
            metrics.count("ThumbnailsRemoved", 1);
            LOG.infof("message=%s removed bucket=%s key=%s versionId=%s event=%s keys=%d durationMs=%d",
                    message.getMessageId(), bucket, key, source.versionId(), eventName, outcome.thumbnails(),
                    (System.nanoTime() - start) / 1_000_000);
            return;
        }
        Outcome outcome = thumbnails.process(source);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (outcome.kind() == Outcome.Kind.REJECTED) {
            metrics.count("ThumbnailsRejected", 1, "Reason", outcome.reason().name());
            LOG.warnf("message=%s rejected bucket=%s key=%s versionId=%s size=%d reason=%s detail=%s durationMs=%d",
                    message.getMessageId(), bucket, key, source.versionId(), source.size(), outcome.reason(),
                    outcome.detail(), millis);
            return;
        }
        if (outcome.kind() == Outcome.Kind.THUMBNAILED) {
            metrics.count("ThumbnailsMade", 1);
        }
        LOG.infof("message=%s %s bucket=%s key=%s versionId=%s size=%d thumbnails=%d durationMs=%d",
                message.getMessageId(), outcome.kind().name().toLowerCase(Locale.ROOT), bucket, key,
                source.versionId(), source.size(), outcome.thumbnails(), millis);
    }
}
