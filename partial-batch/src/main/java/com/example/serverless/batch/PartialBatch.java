package com.example.serverless.batch;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Runs each record of an event source mapping batch on its own and builds the partial batch response
 * that {@code FunctionResponseTypes: [ReportBatchItemFailures]} asks for, so one bad record never fails
 * (or hides) its neighbours.
 *
 * <p>Queues and streams differ. An SQS batch has no order: every record is tried and each failure is
 * reported by message id; SQS redelivers only those, and its redrive policy moves a record that keeps
 * failing to the DLQ. A stream shard is ordered: Lambda resumes the shard from the lowest reported
 * sequence number, so processing stops at the first failure and the records after it are left for the
 * retry instead of being handled out of order.
 */
public final class PartialBatch {

    private static final Logger LOG = Logger.getLogger(PartialBatch.class);

    private PartialBatch() {
    }

    /** SQS: handles every record; the response names each message that failed. */
    public static <R> SQSBatchResponse forQueue(List<R> records, Function<R, String> messageId,
            RecordHandler<R> handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (R record : records) {
            String id = messageId.apply(record);
            if (!succeeded(record, id, handler)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(id));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** DynamoDB and Kinesis streams: handles records in order up to the first failure, which it reports. */
    public static <R> StreamsEventResponse forStream(List<R> records, Function<R, String> sequenceNumber,
            RecordHandler<R> handler) {
        for (R record : records) {
            String id = sequenceNumber.apply(record);
            if (!succeeded(record, id, handler)) {
                return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(id)));
            }
        }
        return new StreamsEventResponse(List.of());
    }

    private static <R> boolean succeeded(R record, String id, RecordHandler<R> handler) {
        try {
            handler.handle(record);
            return true;
        } catch (Exception e) {
            // Reported to the event source mapping, which retries it; the cause is logged here, once.
            LOG.errorf(e, "Record %s failed: %s", id, e.getMessage());
            return false;
        }
    }
}
