package com.example.serverless.blogfanout.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.example.serverless.batch.PartialBatch;
import com.example.serverless.blogfanout.domain.FanOut;
import com.example.serverless.blogfanout.domain.Post;
import com.example.serverless.blogfanout.domain.PostChange;
import com.example.serverless.telemetry.EmfMetrics;
import com.example.serverless.telemetry.InvocationLog;
import jakarta.inject.Named;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * DynamoDB stream of the posts table -> the send queue. Records are handled in shard order; the first that fails is
 * reported by its sequence number (ReportBatchItemFailures), so Lambda retries from there and nothing after it is
 * handled out of order. EMF: {@code AnnouncementsQueued} (messages) and {@code RecipientsQueued}.
 */
@Named("blogFanOut")
public class PostStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = Logger.getLogger(PostStreamHandler.class);

    private final FanOut fanOut;
    private final EmfMetrics metrics;

    PostStreamHandler(FanOut fanOut, EmfMetrics metrics) {
        this.fanOut = fanOut;
        this.metrics = metrics;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        try (InvocationLog log = InvocationLog.open(context.getAwsRequestId())) {
            List<DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
            return PartialBatch.forStream(records, r -> r.getDynamodb().getSequenceNumber(), this::handleRecord);
        } finally {
            metrics.flush();
        }
    }

    private void handleRecord(DynamodbStreamRecord record) {
        long started = System.nanoTime();
        PostChange change = PostImages.change(record);
        String sequenceNumber = record.getDynamodb().getSequenceNumber();
        if (!change.publishes()) {
            LOG.infof("record=%s post=%s event=%s outcome=skipped-not-a-publication durationMs=%d",
                    sequenceNumber, change.postId(), change.type(), elapsedMillis(started));
            return;
        }
        Post post = PostImages.publishedPost(record);
        FanOut.FanOutResult result = fanOut.announce(post);
        metrics.count("AnnouncementsQueued", result.messages());
        metrics.count("RecipientsQueued", result.recipients());
        LOG.infof("record=%s post=%s event=%s outcome=queued messages=%d recipients=%d durationMs=%d",
                sequenceNumber, post.postId(), change.type(), result.messages(), result.recipients(),
                elapsedMillis(started));
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
