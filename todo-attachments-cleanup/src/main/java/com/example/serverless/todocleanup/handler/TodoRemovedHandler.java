package com.example.serverless.todocleanup.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.example.serverless.batch.PartialBatch;
import com.example.serverless.telemetry.InvocationLog;
import com.example.serverless.todocleanup.domain.AttachmentCleanup;
import com.example.serverless.todocleanup.domain.CleanupResult;
import com.example.serverless.todocleanup.domain.RemovedTodo;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The todos table's stream (filtered to REMOVE events of todos) -> the removed todo's attachment objects deleted.
 * Records are handled in shard order; the first that fails (S3 unavailable) is reported by its sequence number, so
 * Lambda retries from there; the template's bisect, retry limit and on-failure queue take a record that keeps failing.
 */
@Named("todoAttachmentsCleanup")
public class TodoRemovedHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = Logger.getLogger(TodoRemovedHandler.class);

    private final AttachmentCleanup cleanup;

    TodoRemovedHandler(AttachmentCleanup cleanup) {
        this.cleanup = cleanup;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        try (InvocationLog log = InvocationLog.open(context.getAwsRequestId())) {
            List<DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
            return PartialBatch.forStream(records, record -> record.getDynamodb().getSequenceNumber(), this::handleRecord);
        }
    }

    private void handleRecord(DynamodbStreamRecord record) {
        long started = System.nanoTime();
        String sequenceNumber = record.getDynamodb().getSequenceNumber();
        Optional<RemovedTodo> removed = OldImages.removedTodo(record);
        if (removed.isEmpty()) {
            LOG.infof("record=%s event=%s outcome=skipped-not-a-removed-todo durationMs=%d", sequenceNumber,
                    record.getEventName(), elapsedMillis(started));
            return;
        }
        CleanupResult result = cleanup.cleanUp(removed.get());
        if (result.foreignKeys() > 0) {
            LOG.warnf("record=%s todo=%s: %d attachment keys outside the todo's prefix left alone", sequenceNumber,
                    removed.get().todoId(), result.foreignKeys());
        }
        LOG.infof("record=%s todo=%s outcome=cleaned deleted=%d durationMs=%d", sequenceNumber, removed.get().todoId(),
                result.deleted(), elapsedMillis(started));
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
