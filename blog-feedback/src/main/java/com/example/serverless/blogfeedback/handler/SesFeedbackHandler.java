package com.example.serverless.blogfeedback.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.example.serverless.batch.PartialBatch;
import com.example.serverless.blogfeedback.domain.Feedback;
import com.example.serverless.blogfeedback.domain.FeedbackService;
import com.example.serverless.telemetry.EmfMetrics;
import com.example.serverless.telemetry.InvocationLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Named;

/**
 * The feedback queue's event source mapping hands this function SES events (bounces, complaints), each message on
 * its own: a failed one is listed in the response ({@code ReportBatchItemFailures}) and redelivered, then parked in
 * the DLQ. Counted in EMF: {@code Bounces}, {@code Complaints} (subscribers marked) and {@code MessagesFailed}.
 */
@Named("sesFeedback")
public class SesFeedbackHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final FeedbackService feedback;
    private final EmfMetrics metrics;
    private final SesEventParser parser = new SesEventParser(new ObjectMapper());

    public SesFeedbackHandler(FeedbackService feedback, EmfMetrics metrics) {
        this.feedback = feedback;
        this.metrics = metrics;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        try (InvocationLog log = InvocationLog.open(context.getAwsRequestId())) {
            SQSBatchResponse response = PartialBatch.forQueue(event.getRecords(), SQSMessage::getMessageId, this::handle);
            metrics.count("MessagesFailed", response.getBatchItemFailures().size());
            return response;
        } finally {
            metrics.flush();
        }
    }

    private void handle(SQSMessage message) {
        Feedback parsed = parser.parse(message.getBody());
        int marked = feedback.apply(parsed);
        switch (parsed.kind()) {
            case PERMANENT_BOUNCE -> metrics.count("Bounces", marked);
            case COMPLAINT -> metrics.count("Complaints", marked);
            case TRANSIENT_BOUNCE, OTHER -> metrics.count("FeedbackIgnored", 1);
        }
    }
}
