package com.example.serverless.infra.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.lessThan;

import com.example.serverless.infra.cost.ReportLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Bursts of 12, then 50 uploads put at once (one thread each, started together), each a 1200x800 JPEG: per object,
 * the time from its put to both thumbnails present (min/median/max); every object must get its thumbnails. Then the
 * longest single invocation of the thumbnail function during the bursts, from its REPORT lines, against its 30 s
 * timeout. Prints figures; asserts completeness and that no invocation came within 5 s of the timeout. Off by
 * default: {@code ./mvnw -pl infra verify -Dit.test=ThumbnailBurstBenchmarkIT -De2e.benchmark=true}.
 */
@ExtendWith(E2eStack.class)
@EnabledIfSystemProperty(named = "e2e.benchmark", matches = "true")
class ThumbnailBurstBenchmarkIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration BOUND = Duration.ofMinutes(10);
    private static final String PREFIX = "bench-burst-" + UUID.randomUUID() + "/";

    private static E2eStack.Stack stack;
    private static S3Client s3;
    private static String uploads;
    private static String thumbnails;

    @BeforeAll
    static void clients(E2eStack.Stack deployed) {
        stack = deployed;
        s3 = stack.clients().s3();
        uploads = stack.outputs().get("UploadsBucketName");
        thumbnails = stack.outputs().get("ThumbnailsBucketName");
    }

    @AfterAll
    static void removeWhatThisClassMade() {
        if (s3 != null) {
            Buckets.deleteEveryVersion(s3, uploads, PREFIX);
            for (String folder : List.of("thumbnails/w128/", "thumbnails/w512/")) {
                s3.listObjectsV2Paginator(b -> b.bucket(thumbnails).prefix(folder + PREFIX)).contents()
                        .forEach(object -> s3.deleteObject(b -> b.bucket(thumbnails).key(object.key())));
            }
        }
    }

    @Test
    void burstsQueueAndEveryUploadGetsItsThumbnailsWellWithinTheTimeout() throws Exception {
        byte[] photo = Benchmarks.photo(1200, 800);
        long since = System.currentTimeMillis();
        for (int burst : List.of(12, 50)) {
            List<Long> millis = burst(burst, photo).stream().sorted().toList();
            System.out.printf(Locale.ROOT, "[benchmark] burst of %d uploads on %s: put -> both thumbnails present "
                            + "min=%.1f s median=%.1f s max=%.1f s%n", burst, stack.targetName(), millis.getFirst() / 1e3,
                    millis.get((millis.size() - 1) / 2) / 1e3, millis.getLast() / 1e3);
        }
        List<ReportLine> reports = reportLinesSince(since);
        double longest = reports.stream().mapToDouble(ReportLine::durationMillis).max().orElse(0);
        System.out.printf(Locale.ROOT, "[benchmark] thumbnail function during the bursts: %d REPORT lines, longest "
                + "Duration %.1f s of its %d s timeout%n", reports.size(), longest / 1e3, TIMEOUT.toSeconds());
        assertThat("the longest invocation, ms", longest, lessThan((double) TIMEOUT.minusSeconds(5).toMillis()));
    }

    /** Puts {@code count} uploads at once; the milliseconds from each put's start to its second thumbnail. */
    private static List<Long> burst(int count, byte[] photo) throws Exception {
        String prefix = PREFIX + count + "/";
        Map<String, Long> putAt = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> puts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            for (int i = 0; i < count; i++) {
                String key = prefix + "photo-" + i + ".jpg";
                puts.add(pool.submit(() -> {
                    start.await();
                    putAt.put(key, System.nanoTime());
                    s3.putObject(b -> b.bucket(uploads).key(key), RequestBody.fromBytes(photo));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> put : puts) {
                put.get();
            }
        }
        Map<String, Long> doneAt = new TreeMap<>();
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (doneAt.size() < count && System.nanoTime() < deadline) {
            Set<String> small = sources("thumbnails/w128/", prefix);
            for (String key : sources("thumbnails/w512/", prefix)) {
                if (small.contains(key)) {
                    doneAt.putIfAbsent(key, System.nanoTime());
                }
            }
            Thread.sleep(250);
        }
        List<String> missing = putAt.keySet().stream().filter(key -> !doneAt.containsKey(key)).sorted().toList();
        assertThat("uploads without both thumbnails after " + BOUND, missing, empty());
        return putAt.entrySet().stream().map(put -> (doneAt.get(put.getKey()) - put.getValue()) / 1_000_000).toList();
    }

    /** The upload keys that have a thumbnail in this folder ({@code <folder><key>.v-<versionId>.jpg}). */
    private static Set<String> sources(String folder, String prefix) {
        Set<String> keys = new HashSet<>();
        s3.listObjectsV2Paginator(b -> b.bucket(thumbnails).prefix(folder + prefix)).contents().forEach(object ->
                keys.add(object.key().substring(folder.length(), object.key().lastIndexOf(".v-"))));
        return keys;
    }

    private static List<ReportLine> reportLinesSince(long since) {
        String function = new FunctionRoles(stack).functionName("ThumbnailFunction");
        List<ReportLine> lines = new ArrayList<>();
        try (CloudWatchLogsClient logs = stack.clients().configure(CloudWatchLogsClient.builder())) {
            for (FilteredLogEvent event : logs.filterLogEventsPaginator(b -> b.logGroupName("/aws/lambda/" + function)
                    .startTime(since).filterPattern("REPORT")).events()) {
                ReportLine.parse(event.message()).ifPresent(lines::add);
            }
        }
        return lines;
    }
}
