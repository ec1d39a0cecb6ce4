package com.example.serverless.infra.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * metadata-sync through the deployed stack: the versioned source bucket notifies MetadataQueue, the SQS event
 * source mapping invokes the function in batches, the function writes MetadataTable. Expectations come from S3
 * itself (ListObjectVersions), the function's own source of truth.
 */
@ExtendWith(E2eStack.class)
class MetadataSyncIT {

    private static final Duration CONVERGENCE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every key this class writes starts here. */
    private static final String PREFIX = "e2e-metadata-" + UUID.randomUUID() + "/";

    private static E2eStack.Stack stack;
    private static S3Client s3;
    private static DynamoDbClient dynamoDb;
    private static SqsClient sqs;
    private static String bucket;

    @BeforeAll
    static void clients(E2eStack.Stack deployed) {
        stack = deployed;
        s3 = stack.clients().s3();
        dynamoDb = stack.clients().configure(DynamoDbClient.builder());
        sqs = stack.clients().configure(SqsClient.builder());
        bucket = stack.outputs().get("MetadataSourceBucketName");
    }

    /**
     * Every object version this class made, then their index entries once the deletes are indexed as tombstones (which
     * would otherwise expire by TTL after 30 days): the suite may run against a long-lived stack.
     */
    @AfterAll
    static void removeWhatThisClassMade() {
        if (s3 == null) {
            return;
        }
        Buckets.deleteEveryVersion(s3, bucket, PREFIX);
        Map<String, Map<String, AttributeValue>> tombstones = Eventually.await("the deletes indexed", CONVERGENCE,
                () -> indexUnder(PREFIX), items -> items.values().stream().allMatch(item -> item.containsKey("deletedAt")));
        tombstones.values().forEach(item -> dynamoDb.deleteItem(b -> b.tableName(stack.outputs().get("MetadataTableName"))
                .key(Map.of("bucket", item.get("bucket"), "key", item.get("key")))));
    }

    @Test
    void indexConvergesToWhatS3ListsAfterABurstOfCreatesOverwritesAndDeletes() throws Exception {
        String prefix = PREFIX + "burst/";
        // Each key's history runs in order on its own thread; the keys run concurrently, as uploads from many clients do.
        List<List<Consumer<String>>> histories = List.of(
                List.of(put("v1"), put("v2"), put("v3"), delete(), put("v4")),
                List.of(put("b1"), delete(), put("b2")),
                List.of(put("c1"), put("c2"), deleteOldestVersion()),
                List.of(put("d1"), put("d2"), delete()),
                List.of(put("e1"), delete()));
        List<String> keys = List.of("a.txt", "b/nested.json", "c.csv", "d e ü.txt", "gone.bin");
        try (ExecutorService pool = Executors.newFixedThreadPool(keys.size())) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                String key = prefix + keys.get(i);
                List<Consumer<String>> history = histories.get(i);
                running.add(pool.submit(() -> history.forEach(step -> step.accept(key))));
            }
            for (Future<?> done : running) {
                done.get();
            }
        }

        Map<String, Expected> expected = currentStateFromS3(prefix);
        assertThat(expected.keySet().size(), equalTo(keys.size()));
        assertThat(expected.get(prefix + "a.txt").live(), equalTo(true));
        assertThat(expected.get(prefix + "d e ü.txt").live(), equalTo(false));

        Map<String, Map<String, AttributeValue>> index = Eventually.await("index of " + prefix + " equal to S3's current objects",
                CONVERGENCE, () -> indexUnder(prefix), items -> describeDifferences(expected, items).isEmpty());

        for (Map<String, AttributeValue> item : index.values()) {
            // The function refuses records without a sequencer: every entry proves MiniStack's notification carried one.
            assertThat(item.get("sequencer").s(), matchesPattern("[0-9A-F]{64}"));
        }
        Map<String, AttributeValue> c = index.get(prefix + "c.csv");
        assertThat(c.get("contentType").s(), equalTo("text/plain; charset=utf-8"));
        assertThat(c.get("userMetadata").m().get("revision").s(), equalTo("c2"));
        assertThat(index.get(prefix + "gone.bin"), not(hasKey("contentType")));
    }

    @Test
    void poisonMessageReachesTheDlqAfterMaxReceiveCountWhileItsNeighboursCommit() {
        String queueUrl = stack.outputs().get("MetadataQueueUrl");
        String dlqUrl = stack.outputs().get("MetadataDlqUrl");
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.REDRIVE_POLICY, QueueAttributeName.VISIBILITY_TIMEOUT,
                        QueueAttributeName.QUEUE_ARN)).attributes();
        int maxReceiveCount = json(attributes.get(QueueAttributeName.REDRIVE_POLICY)).get("maxReceiveCount").asInt();
        int visibility = Integer.parseInt(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT));

        String poison = "not an S3 notification " + UUID.randomUUID();
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(poison));
        String prefix = PREFIX + "neighbours/";
        for (int i = 0; i < 5; i++) {
            put("n" + i).accept(prefix + i + ".txt");
        }

        Map<String, Expected> expected = currentStateFromS3(prefix);
        Eventually.await("neighbours of the poison message indexed", CONVERGENCE, () -> indexUnder(prefix),
                items -> describeDifferences(expected, items).isEmpty());

        // Received maxReceiveCount times, each after the previous visibility timeout: the bound follows the queue's settings.
        Duration bound = Duration.ofSeconds((long) maxReceiveCount * visibility + 60);
        Message dead = Eventually.await("poison message in MetadataDlq", bound, () -> peek(dlqUrl, poison),
                message -> message != null);
        assertThat(Integer.parseInt(dead.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)),
                greaterThanOrEqualTo(maxReceiveCount));
        assertThat(dead.attributes().get(MessageSystemAttributeName.DEAD_LETTER_QUEUE_SOURCE_ARN),
                equalTo(attributes.get(QueueAttributeName.QUEUE_ARN)));
        Eventually.await("MetadataQueue drained", CONVERGENCE, () -> depth(queueUrl), depth -> depth == 0);
    }

    private record Expected(boolean live, String versionId, String eTag, long size) {
    }

    private static Consumer<String> put(String revision) {
        return key -> s3.putObject(b -> b.bucket(bucket).key(key).contentType("text/plain; charset=utf-8")
                .metadata(Map.of("revision", revision)), RequestBody.fromString("content " + revision + " of " + key));
    }

    private static Consumer<String> delete() {
        return key -> s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    /** Deleting a non-current version changes nothing the index shows: the current object stays. */
    private static Consumer<String> deleteOldestVersion() {
        return key -> {
            List<ObjectVersion> versions = s3.listObjectVersions(b -> b.bucket(bucket).prefix(key)).versions().stream()
                    .filter(v -> v.key().equals(key)).toList();
            String oldest = versions.get(versions.size() - 1).versionId();
            s3.deleteObject(b -> b.bucket(bucket).key(key).versionId(oldest));
        };
    }

    /** Per key, what S3 calls current: its latest version, or nothing when the latest is a delete marker. */
    private static Map<String, Expected> currentStateFromS3(String prefix) {
        Map<String, Expected> expected = new TreeMap<>();
        var listing = s3.listObjectVersions(b -> b.bucket(bucket).prefix(prefix));
        listing.versions().stream().filter(ObjectVersion::isLatest).forEach(v -> expected.put(v.key(),
                new Expected(true, v.versionId(), v.eTag().replace("\"", ""), v.size())));
        listing.deleteMarkers().stream().filter(m -> m.isLatest()).forEach(m -> expected.put(m.key(),
                new Expected(false, null, null, 0)));
        return expected;
    }

    private static Map<String, Map<String, AttributeValue>> indexUnder(String prefix) {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        dynamoDb.queryPaginator(b -> b.tableName(stack.outputs().get("MetadataTableName"))
                        .keyConditionExpression("#bucket = :bucket AND begins_with(#key, :prefix)")
                        .expressionAttributeNames(Map.of("#bucket", "bucket", "#key", "key"))
                        .expressionAttributeValues(Map.of(":bucket", AttributeValue.fromS(bucket),
                                ":prefix", AttributeValue.fromS(prefix)))
                        .consistentRead(true))
                .items().forEach(item -> items.put(item.get("key").s(), item));
        return items;
    }

    private static List<String> describeDifferences(Map<String, Expected> expected, Map<String, Map<String, AttributeValue>> index) {
        List<String> differences = new ArrayList<>();
        if (!index.keySet().equals(expected.keySet())) {
            differences.add("keys " + index.keySet() + " != " + expected.keySet());
        }
        expected.forEach((key, want) -> {
            Map<String, AttributeValue> item = index.get(key);
            if (item == null) {
                return;
            }
            boolean tombstone = item.containsKey("deletedAt");
            if (want.live() == tombstone) {
                differences.add(key + (want.live() ? " is live in S3 but a tombstone in the index" : " is deleted in S3 but live in the index"));
            } else if (want.live() && !(want.versionId().equals(s(item, "versionId")) && want.eTag().equals(s(item, "eTag"))
                    && Long.toString(want.size()).equals(item.get("size").n()))) {
                differences.add(key + " indexed as " + s(item, "versionId") + "/" + s(item, "eTag") + " but S3 has "
                        + want.versionId() + "/" + want.eTag());
            }
        });
        return differences;
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** The message with this body, left in the queue (visibility 0) for whoever looks next. */
    private static Message peek(String queueUrl, String body) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).visibilityTimeout(0).waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages().stream().filter(m -> m.body().equals(body)).findFirst().orElse(null);
    }

    private static int depth(String queueUrl) {
        Map<QueueAttributeName, String> counts = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return counts.values().stream().mapToInt(Integer::parseInt).sum();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
