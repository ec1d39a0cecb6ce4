package com.example.serverless.blog.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.example.serverless.batch.PartialBatch;
import com.example.serverless.blog.config.BlogConfig;
import com.example.serverless.blog.domain.Deadline;
import com.example.serverless.blog.domain.NotificationResult;
import com.example.serverless.blog.domain.Post;
import com.example.serverless.blog.domain.PostChange;
import com.example.serverless.blog.domain.PostNotifier;
import com.example.serverless.telemetry.EmfMetrics;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * DynamoDB stream of the posts table -> announcement emails. Records are handled in shard order; the first
 * that fails is reported by its sequence number (ReportBatchItemFailures), so Lambda retries from there and
 * nothing after it is handled out of order. Each invocation writes its metrics (EMF) once, at its end.
 */
@Named("blogNotifier")
public class PostStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = Logger.getLogger(PostStreamHandler.class);
    /** Lambda's longest timeout; a larger "remaining time" means the runtime sent no deadline. */
    private static final Duration LAMBDA_MAX_TIMEOUT = Duration.ofMinutes(15);

    private final PostNotifier notifier;
    private final EmfMetrics metrics;
    private final Clock clock;
    private final Duration fallbackTimeBudget;

    PostStreamHandler(PostNotifier notifier, EmfMetrics metrics, Clock clock, BlogConfig config) {
        this.notifier = notifier;
        this.metrics = metrics;
        this.clock = clock;
        this.fallbackTimeBudget = config.sending().fallbackTimeBudget();
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        MDC.put("requestId", context.getAwsRequestId());
        try {
            Deadline deadline = Deadline.after(remaining(context), clock);
            List<DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
            return PartialBatch.forStream(records, r -> r.getDynamodb().getSequenceNumber(),
                    record -> handleRecord(record, deadline));
        } finally {
            metrics.flush();
            MDC.remove("requestId");
        }
    }

    private void handleRecord(DynamodbStreamRecord record, Deadline deadline) {
        long started = System.nanoTime();
        PostChange change = PostImages.change(record);
        String sequenceNumber = record.getDynamodb().getSequenceNumber();
        if (!change.publishes()) {
            LOG.infof("record=%s post=%s event=%s outcome=skipped-not-a-publication durationMs=%d",
                    sequenceNumber, change.postId(), change.type(), elapsedMillis(started));
            return;
        }
        Post post = PostImages.publishedPost(record);
        NotificationResult result = notifier.announce(post, deadline);
        metrics.count("SubscribersSkipped", result.skipped());
        LOG.infof("record=%s post=%s event=%s outcome=announced sent=%d alreadyClaimed=%d rejected=%d notInterested=%d skipped=%d durationMs=%d",
                sequenceNumber, post.postId(), change.type(), result.sent(), result.alreadyClaimed(), result.rejected(),
                result.notInterested(), result.skipped(), elapsedMillis(started));
    }

    private Duration remaining(Context context) {
        Duration remaining = Duration.ofMillis(context.getRemainingTimeInMillis());
        if (remaining.isNegative() || remaining.isZero() || remaining.compareTo(LAMBDA_MAX_TIMEOUT) > 0) {
            return fallbackTimeBudget;
        }
        return remaining;
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
