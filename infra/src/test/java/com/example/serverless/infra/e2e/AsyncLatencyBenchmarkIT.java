package com.example.serverless.infra.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * End-to-end latency of the three asynchronous paths and metadata-sync's sustained rate, on whatever target the
 * suite runs against. Prints figures, asserts nothing about time. Off by default:
 * {@code ./mvnw -pl infra verify -Dit.test=AsyncLatencyBenchmarkIT -De2e.benchmark=true}.
 * Each path is warmed by one untimed sample (the cold start is reported apart), then timed sequentially.
 */
@ExtendWith(E2eStack.class)
@EnabledIfSystemProperty(named = "e2e.benchmark", matches = "true")
class AsyncLatencyBenchmarkIT {

    private static final int SAMPLES = 20;
    private static final int SUSTAINED_OBJECTS = 200;
    private static final Duration POLL = Duration.ofMillis(25);
    private static final Duration BOUND = Duration.ofSeconds(120);

    private static E2eStack.Stack stack;
    private static S3Client s3;
    private static DynamoDbClient dynamoDb;

    @BeforeAll
    static void clients(E2eStack.Stack deployed) {
        stack = deployed;
        s3 = stack.clients().s3();
        dynamoDb = stack.clients().configure(DynamoDbClient.builder());
    }

    @Test
    void objectPutToThumbnailPresent() {
        String uploads = stack.outputs().get("UploadsBucketName");
        String thumbnails = stack.outputs().get("ThumbnailsBucketName");
        byte[] photo = Benchmarks.photo(1200, 800);
        measure("object put -> thumbnail present (1200x800 JPEG, 2 widths)", () -> {
            String key = "bench-" + UUID.randomUUID() + "/photo.jpg";
            long start = System.nanoTime();
            String version = s3.putObject(b -> b.bucket(uploads).key(key), RequestBody.fromBytes(photo)).versionId();
            // The 512 px thumbnail is written last.
            String thumbnail = "thumbnails/w512/" + key + ".v-" + version + ".jpg";
            Eventually.awaitEvery(POLL, thumbnail, BOUND, () -> exists(thumbnails, thumbnail), found -> found);
            return System.nanoTime() - start;
        });
    }

    @Test
    void postPublishToEmailCaptured() {
        SentMail mail = SentMail.of(stack);
        BlogNotifierIT.verifySender(stack);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tag = "bench-" + run;
        String email = "success+bench-" + run + "@simulator.amazonses.com";
        dynamoDb.putItem(b -> b.tableName(stack.outputs().get("SubscribersTableName")).item(Map.of(
                "subscriberId", s("bench-" + run), "email", s(email), "status", s("confirmed"),
                "tags", AttributeValue.fromSs(List.of(tag)))));
        measure("post publish -> email captured (1 matching subscriber)", () -> {
            String title = "Bench " + UUID.randomUUID();
            long start = System.nanoTime();
            dynamoDb.putItem(b -> b.tableName(stack.outputs().get("PostsTableName")).item(Map.of(
                    "postId", s(title.replace(' ', '-')), "title", s(title), "status", s("PUBLISHED"),
                    "tags", AttributeValue.fromSs(List.of(tag)))));
            Eventually.awaitEvery(POLL, "mail for " + title, BOUND,
                    () -> mail.to(email).stream().anyMatch(m -> m.subject().contains(title)), found -> found);
            return System.nanoTime() - start;
        });
    }

    @Test
    void objectPutToMetadataItemPresentAndSustainedRate() throws Exception {
        String bucket = stack.outputs().get("MetadataSourceBucketName");
        String table = stack.outputs().get("MetadataTableName");
        measure("object put -> metadata item present", () -> {
            String key = "bench-" + UUID.randomUUID() + ".txt";
            long start = System.nanoTime();
            String version = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("bench")).versionId();
            Eventually.awaitEvery(POLL, key, BOUND, () -> dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                            .key(Map.of("bucket", s(bucket), "key", s(key)))).item(),
                    item -> item.containsKey("versionId") && item.get("versionId").s().equals(version));
            return System.nanoTime() - start;
        });

        String prefix = "sustained-" + UUID.randomUUID() + "/";
        long start = System.nanoTime();
        try (ExecutorService uploaders = Executors.newFixedThreadPool(4)) {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < SUSTAINED_OBJECTS; i++) {
                String key = prefix + i + ".txt";
                puts.add(uploaders.submit(() -> s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key))));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        }
        long uploaded = System.nanoTime() - start;
        Eventually.awaitEvery(Duration.ofMillis(200), SUSTAINED_OBJECTS + " objects indexed", Duration.ofMinutes(5),
                () -> dynamoDb.queryPaginator(b -> b.tableName(table).select("COUNT")
                        .keyConditionExpression("#bucket = :bucket AND begins_with(#key, :prefix)")
                        .expressionAttributeNames(Map.of("#bucket", "bucket", "#key", "key"))
                        .expressionAttributeValues(Map.of(":bucket", s(bucket), ":prefix", s(prefix))))
                        .stream().mapToInt(page -> page.count()).sum(),
                count -> count == SUSTAINED_OBJECTS);
        long indexed = System.nanoTime() - start;
        System.out.printf(Locale.ROOT, "[benchmark] metadata-sync sustained: %d objects put in %.1f s (4 threads), all indexed"
                        + " after %.1f s: %.1f events/s end to end%n", SUSTAINED_OBJECTS, uploaded / 1e9, indexed / 1e9,
                SUSTAINED_OBJECTS / (indexed / 1e9));
    }

    private static void measure(String path, Supplier<Long> sample) {
        long cold = sample.get();
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            nanos.add(sample.get());
        }
        nanos.sort(null);
        System.out.printf(Locale.ROOT, "[benchmark] %s on %s: first %d ms, then n=%d p50 %.0f ms, p95 %.0f ms, max %d ms%n",
                path, stack.targetName(), cold / 1_000_000, SAMPLES, Benchmarks.percentileMillis(nanos, 50),
                Benchmarks.percentileMillis(nanos, 95), nanos.get(nanos.size() - 1) / 1_000_000);
    }

    private static boolean exists(String bucket, String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException missing) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
