package com.example.serverless.blog.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.example.serverless.batch.PartialBatch;
import com.example.serverless.blog.config.BlogConfig;
import com.example.serverless.blog.domain.AnnouncementSender;
import com.example.serverless.blog.domain.NotificationResult;
import com.example.serverless.blog.subscriptions.Announcement;
import com.example.serverless.blog.subscriptions.AnnouncementMessages;
import com.example.serverless.email.Deadline;
import com.example.serverless.telemetry.EmfMetrics;
import com.example.serverless.telemetry.InvocationLog;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The send queue -> SES. Each message (one post, one page of subscribers) is handled on its own; a failed one is
 * listed in the response (ReportBatchItemFailures), redelivered after the visibility timeout, and parked in the DLQ
 * after the queue's maxReceiveCount. The ledger makes a redelivery send only what the failed attempt did not.
 * EMF, once per invocation: {@code EmailsSent}, {@code EmailsRejected}, {@code SubscribersSkipped},
 * {@code MessagesFailed}.
 */
@Named("blogNotifier")
public class SendQueueHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = Logger.getLogger(SendQueueHandler.class);
    /** Lambda's longest timeout; a larger "remaining time" means the runtime sent no deadline. */
    private static final Duration LAMBDA_MAX_TIMEOUT = Duration.ofMinutes(15);

    private final AnnouncementSender sender;
    private final EmfMetrics metrics;
    private final Clock clock;
    private final Duration fallbackTimeBudget;

    SendQueueHandler(AnnouncementSender sender, EmfMetrics metrics, Clock clock, BlogConfig config) {
        this.sender = sender;
        this.metrics = metrics;
        this.clock = clock;
        this.fallbackTimeBudget = config.sending().fallbackTimeBudget();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        try (InvocationLog log = InvocationLog.open(context.getAwsRequestId())) {
            Deadline deadline = Deadline.after(remaining(context), clock);
            List<SQSMessage> messages = event.getRecords() == null ? List.of() : event.getRecords();
            SQSBatchResponse response = PartialBatch.forQueue(messages, SQSMessage::getMessageId,
                    message -> handle(message, deadline));
            metrics.count("MessagesFailed", response.getBatchItemFailures().size());
            return response;
        } finally {
            metrics.flush();
        }
    }

    private void handle(SQSMessage message, Deadline deadline) {
        long started = System.nanoTime();
        Announcement announcement = AnnouncementMessages.read(message.getBody());
        NotificationResult result = sender.send(announcement, deadline);
        metrics.count("EmailsSent", result.sent());
        metrics.count("EmailsRejected", result.rejected());
        metrics.count("SubscribersSkipped", result.skipped());
        LOG.infof("message=%s post=%s outcome=sent recipients=%d sent=%d alreadyClaimed=%d rejected=%d notInterested=%d skipped=%d durationMs=%d",
                message.getMessageId(), announcement.postId(), announcement.subscriberIds().size(), result.sent(),
                result.alreadyClaimed(), result.rejected(), result.notInterested(), result.skipped(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private Duration remaining(Context context) {
        Duration remaining = Duration.ofMillis(context.getRemainingTimeInMillis());
        if (remaining.isNegative() || remaining.isZero() || remaining.compareTo(LAMBDA_MAX_TIMEOUT) > 0) {
            return fallbackTimeBudget;
        }
        return remaining;
    }
}
