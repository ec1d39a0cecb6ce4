package com.example.serverless.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PartialBatchTest {

    private final List<String> handled = new ArrayList<>();

    private void failOnBad(String record) {
        if (record.startsWith("bad")) {
            throw new IllegalArgumentException("cannot handle " + record);
        }
        handled.add(record);
    }

    @Test
    void queueBatchHandlesEveryRecordAndReportsEachFailure() {
        SQSBatchResponse response = PartialBatch.forQueue(List.of("a", "bad1", "b", "bad2", "c"),
                Function.identity(), this::failOnBad);

        assertEquals(List.of("a", "b", "c"), handled);
        assertEquals(List.of("bad1", "bad2"), response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
    }

    @Test
    void queueBatchWithoutFailuresReportsAnEmptyList() {
        SQSBatchResponse response = PartialBatch.forQueue(List.of("a", "b"), Function.identity(), this::failOnBad);

        assertTrue(response.getBatchItemFailures().isEmpty());
    }

    @Test
    void streamBatchStopsAtTheFirstFailureAndReportsItsSequenceNumber() {
        StreamsEventResponse response = PartialBatch.forStream(List.of("1", "2", "bad3", "4"),
                Function.identity(), this::failOnBad);

        assertEquals(List.of("1", "2"), handled, "records after the failure are left for the retry");
        assertEquals(List.of("bad3"), response.getBatchItemFailures().stream()
                .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList());
    }

    @Test
    void checkedExceptionsFailOnlyTheirRecord() {
        SQSBatchResponse response = PartialBatch.forQueue(List.of("a", "b"), Function.identity(), record -> {
            if (record.equals("a")) {
                throw new java.io.IOException("transient");
            }
            handled.add(record);
        });

        assertEquals(List.of("b"), handled);
        assertEquals("a", response.getBatchItemFailures().get(0).getItemIdentifier());
    }
}
