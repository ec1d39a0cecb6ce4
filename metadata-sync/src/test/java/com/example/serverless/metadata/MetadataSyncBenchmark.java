package com.example.serverless.metadata;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.example.serverless.localcloud.FixedLambdaContext;
import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.MockEventServer;
import com.example.serverless.metadata.handler.MetadataSyncHandler;
import com.example.serverless.metadata.support.S3NotificationJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Throughput of the handler on batches of 10 against the local cloud (MiniStack over TLS), beside the raw PutItem
 * and HeadObject throughput of the same local cloud measured in the same JVM, same run, same clients. Run with
 * {@code ./mvnw -f metadata-sync/pom.xml verify -Pbenchmark}; it prints figures, it asserts nothing.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class MetadataSyncBenchmark {

    private static final int OBJECTS = Integer.getInteger("benchmark.objects", 2_000);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
    private static final int BATCH = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MetadataSyncHandler handler;

    @Inject
    S3Client s3;

    @Inject
    DynamoDbClient dynamoDb;

    private final String bucket = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    private int sequence;

    @Test
    void printThroughput() {
        s3.createBucket(b -> b.bucket(bucket));
        for (int i = 0; i < OBJECTS; i++) {
            int n = i;
            s3.putObject(p -> p.bucket(bucket).key(key(n)).contentType("image/jpeg")
                    .metadata(Map.of("camera", "x100", "album", "summer")), RequestBody.fromString("object " + n));
        }
        // Warm-up: JIT, connection pools, TLS sessions.
        handlerPerSecond();
        rawPutItemPerSecond();
        headObjectPerSecond();
        mockEventServerPerSecond();

        double[] handler = new double[ROUNDS];
        double[] putItem = new double[ROUNDS];
        double[] head = new double[ROUNDS];
        double[] viaEventServer = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            handler[round] = handlerPerSecond();
            putItem[round] = rawPutItemPerSecond();
            head[round] = headObjectPerSecond();
            viaEventServer[round] = mockEventServerPerSecond();
        }
        double handlerMedian = median(handler);
        double putItemMedian = median(putItem);
        System.out.printf(Locale.ROOT, """

                ==== metadata-sync benchmark: %d messages per measurement, batches of %d, median of %d rounds ====
                handler (HeadObject + conditional PutItem per message): %8.0f messages/s   rounds %s
                raw PutItem (unconditional, same item):                 %8.0f items/s      rounds %s
                raw HeadObject:                                         %8.0f requests/s   rounds %s
                handler through the mock event server (JSON in/out):    %8.0f messages/s   rounds %s
                ratio handler / raw PutItem: %.2f
                ===========================================================================================
                %n""", OBJECTS, BATCH, ROUNDS, handlerMedian, Arrays.toString(rounded(handler)), putItemMedian,
                Arrays.toString(rounded(putItem)), median(head), Arrays.toString(rounded(head)),
                median(viaEventServer), Arrays.toString(rounded(viaEventServer)), handlerMedian / putItemMedian);
    }

    private double handlerPerSecond() {
        List<SQSEvent> batches = new ArrayList<>();
        String sequencer = nextSequencer();
        for (int start = 0; start < OBJECTS; start += BATCH) {
            List<SQSMessage> messages = new ArrayList<>();
            for (int i = start; i < Math.min(start + BATCH, OBJECTS); i++) {
                SQSMessage message = new SQSMessage();
                message.setMessageId("m-" + i);
                message.setBody(S3NotificationJson.created(bucket, key(i), sequencer));
                messages.add(message);
            }
            SQSEvent event = new SQSEvent();
            event.setRecords(messages);
            batches.add(event);
        }
        FixedLambdaContext context = new FixedLambdaContext("metadata-sync", "benchmark");
        long started = System.nanoTime();
        for (SQSEvent batch : batches) {
            if (!handler.handleRequest(batch, context).getBatchItemFailures().isEmpty()) {
                throw new IllegalStateException("a benchmark message failed");
            }
        }
        return perSecond(OBJECTS, started);
    }

    private double mockEventServerPerSecond() {
        List<String> events = new ArrayList<>();
        String sequencer = nextSequencer();
        for (int start = 0; start < OBJECTS; start += BATCH) {
            ObjectNode event = JSON.createObjectNode();
            ArrayNode records = event.putArray("Records");
            for (int i = start; i < Math.min(start + BATCH, OBJECTS); i++) {
                records.addObject().put("messageId", "m-" + i).put("receiptHandle", "r-" + i)
                        .put("body", S3NotificationJson.created(bucket, key(i), sequencer))
                        .put("eventSource", "aws:sqs").put("awsRegion", "us-east-1");
            }
            events.add(event.toString());
        }
        long started = System.nanoTime();
        for (String event : events) {
            if (!MockEventServer.invoke(event).contains("\"batchItemFailures\":[]")) {
                throw new IllegalStateException("a benchmark message failed");
            }
        }
        return perSecond(OBJECTS, started);
    }

    private double rawPutItemPerSecond() {
        String sequencer = "0".repeat(46) + nextSequencer();
        long started = System.nanoTime();
        for (int i = 0; i < OBJECTS; i++) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("bucket", AttributeValue.fromS(bucket + "-raw"));
            item.put("key", AttributeValue.fromS(key(i)));
            item.put("sequencer", AttributeValue.fromS(sequencer));
            item.put("size", AttributeValue.fromN("12"));
            item.put("eTag", AttributeValue.fromS("0f343b0931126a20f133d67c2b018a3b"));
            item.put("contentType", AttributeValue.fromS("image/jpeg"));
            item.put("userMetadata", AttributeValue.fromM(Map.of("camera", AttributeValue.fromS("x100"),
                    "album", AttributeValue.fromS("summer"))));
            item.put("lastModified", AttributeValue.fromS("2026-11-20T09:00:00Z"));
            item.put("eventTime", AttributeValue.fromS("2026-11-20T09:00:00Z"));
            item.put("indexedAt", AttributeValue.fromS("2026-11-20T09:00:01Z"));
            dynamoDb.putItem(p -> p.tableName("MetadataTable").item(item));
        }
        return perSecond(OBJECTS, started);
    }

    private double headObjectPerSecond() {
        long started = System.nanoTime();
        for (int i = 0; i < OBJECTS; i++) {
            int n = i;
            s3.headObject(h -> h.bucket(bucket).key(key(n)));
        }
        return perSecond(OBJECTS, started);
    }

    /** Each measurement writes newer sequencers than the last, so every conditional write succeeds. */
    private String nextSequencer() {
        return String.format("00673DA97E4C%06X", ++sequence);
    }

    private static String key(int i) {
        return String.format("photos/2026/img-%05d.jpg", i);
    }

    private static double perSecond(int count, long startedNanos) {
        return count / ((System.nanoTime() - startedNanos) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long[] rounded(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }
}
