package com.example.serverless.thumbnail.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.example.serverless.telemetry.EmfMetrics;
import com.example.serverless.telemetry.InvocationLog;
import com.example.serverless.thumbnail.config.ThumbnailConfig;
import com.example.serverless.thumbnail.domain.Outcome;
import com.example.serverless.thumbnail.domain.SourceObject;
import com.example.serverless.thumbnail.domain.ThumbnailService;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Invoked asynchronously by S3 for {@code s3:ObjectCreated:*}. A rejected image is recorded and the invocation
 * succeeds (retrying cannot help); a storage failure is thrown, so Lambda retries the whole event and then
 * sends it to the on-failure destination. Records already done are redone on a retry, which only overwrites.
 * EMF, once per invocation: {@code ThumbnailsMade} (sources thumbnailed), {@code ThumbnailsRejected} by
 * {@code Reason}, {@code ThumbnailsRemoved}.
 */
@Named("thumbnail")
public class ThumbnailHandler implements RequestHandler<S3Notification, InvocationSummary> {

    private static final Logger LOG = Logger.getLogger(ThumbnailHandler.class);

    private final ThumbnailService thumbnails;
    private final String outputBucket;
    private final EmfMetrics metrics;

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
    public InvocationSummary handleRequest(S3Notification notification, Context context) {
        try (InvocationLog log = InvocationLog.open(context.getAwsRequestId())) {
            if (notification.isTestEvent()) {
                LOG.info("s3:TestEvent acknowledged (S3 checks that it may invoke the function)");
                return InvocationSummary.NONE;
            }
            int thumbnailed = 0;
            int rejected = 0;
            int missing = 0;
            int removed = 0;
            int ignored = 0;
            for (S3Notification.Record record : notification.records()) {
                switch (handle(record)) {
                    case THUMBNAILED -> thumbnailed++;
                    case REJECTED -> rejected++;
                    case SOURCE_MISSING -> missing++;
                    case REMOVED -> removed++;
                    case null -> ignored++;
                }
            }
            metrics.count("ThumbnailsMade", thumbnailed);
            metrics.count("ThumbnailsRemoved", removed);
            return new InvocationSummary(thumbnailed, rejected, missing, removed, ignored);
        } finally {
            metrics.flush();
        }
    }

    /** The outcome, or null for a record that is not ours to handle. */
    private Outcome.Kind handle(S3Notification.Record record) {
        long start = System.nanoTime();
        String eventName = record.eventName() == null ? "" : record.eventName();
        boolean created = eventName.startsWith("ObjectCreated:");
        // A lifecycle rule expiring a noncurrent version removes it as surely as a delete does.
        boolean removed = eventName.startsWith("ObjectRemoved:") || eventName.startsWith("LifecycleExpiration:");
        if (!"aws:s3".equals(record.eventSource()) || !(created || removed) || record.s3() == null
                || record.s3().bucket() == null || record.s3().object() == null || record.s3().object().key() == null) {
            LOG.warnf("ignored: not an S3 ObjectCreated, ObjectRemoved or LifecycleExpiration record (eventSource=%s eventName=%s)",
                    record.eventSource(), record.eventName());
            return null;
        }
        String bucket = record.s3().bucket().name();
        S3Notification.S3Object object = record.s3().object();
        String key = URLDecoder.decode(object.key(), StandardCharsets.UTF_8);
        if (outputBucket.equals(bucket)) {
            // Writing thumbnails next to their sources would invoke us on our own output, forever.
            LOG.errorf("ignored: event from the output bucket %s (key=%s); the uploads bucket must be another one",
                    bucket, key);
            return null;
        }
        if (!thumbnails.wants(key)) {
            LOG.infof("ignored: not an image key, or our own output (bucket=%s key=%s)", bucket, key);
            return null;
        }
        SourceObject source = new SourceObject(bucket, key, object.versionId(),
                object.size() == null ? 0 : object.size());
        if (removed) {
            // A delete marker hides every version; a plain delete removed one version for good (or the object).
            Outcome outcome = thumbnails.remove(source, eventName.endsWith(":DeleteMarkerCreated"));
            LOG.infof("removed bucket=%s key=%s versionId=%s event=%s keys=%d durationMs=%d", bucket, key,
                    source.versionId(), eventName, outcome.thumbnails(), (System.nanoTime() - start) / 1_000_000);
            return outcome.kind();
        }
        Outcome outcome = thumbnails.process(source);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (outcome.kind() == Outcome.Kind.REJECTED) {
            metrics.count("ThumbnailsRejected", 1, "Reason", outcome.reason().name());
            LOG.warnf("rejected bucket=%s key=%s versionId=%s size=%d reason=%s detail=%s durationMs=%d",
                    bucket, key, source.versionId(), source.size(), outcome.reason(), outcome.detail(), millis);
        } else {
            LOG.infof("%s bucket=%s key=%s versionId=%s size=%d thumbnails=%d durationMs=%d",
                    outcome.kind().name().toLowerCase(Locale.ROOT), bucket, key, source.versionId(),
                    source.size(), outcome.thumbnails(), millis);
        }
        return outcome.kind();
    }
}
