package com.example.serverless.metadata.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.metadata.domain.ObjectEvent.Change;
import com.example.serverless.metadata.support.InMemoryBucket;
import com.example.serverless.metadata.support.InMemoryMetadataIndex;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever order S3's events arrive in, however often each one arrives, and whenever they are
 * processed relative to the changes themselves, the index ends in S3's final state. Each trial is a random history
 * of puts and deletes on a few keys, with sequencers of varying length; the failing seed is in the message.
 */
class EventOrderPropertyTest {

    private static final String BUCKET = "media-uploads-eu";
    private static final List<String> KEYS = List.of("a.jpg", "photos/b.png", "photos/c d.txt");
    private static final List<String> CONTENT_TYPES = List.of("image/jpeg", "image/png", "text/plain");
    private static final int TRIALS = 2_000;

    @Test
    void shuffledAndDuplicatedDeliveriesConvergeToS3sFinalState() {
        for (long seed = 1; seed <= TRIALS; seed++) {
            runTrial(seed);
        }
    }

    @Test
    void everyOrderOfAPutOverwriteDeleteRecreateHistoryConverges() {
        // Processed after all four changes happened: only the order of the events varies, 4! ways.
        for (List<Integer> order : permutations(List.of(0, 1, 2, 3))) {
            InMemoryBucket s3 = new InMemoryBucket();
            InMemoryMetadataIndex index = new InMemoryMetadataIndex();
            MetadataSync sync = new MetadataSync(s3, index, Clock.systemUTC(), Duration.ofDays(30));
            s3.put("k", state("e4", "text/plain"));
            List<ObjectEvent> history = List.of(event(Change.CREATED, "k", "FE"), event(Change.CREATED, "k", "FF"),
                    event(Change.REMOVED, "k", "0100"), event(Change.CREATED, "k", "0101"));
            for (int i : order) {
                sync.apply(history.get(i));
                sync.apply(history.get(i));
            }
            IndexedObject entry = assertInstanceOf(IndexedObject.class, index.find(BUCKET, "k").orElseThrow());
            assertEquals("e4", entry.state().eTag(), "order " + order);
            assertEquals(new Sequencer("0101"), entry.sequencer(), "order " + order);
        }
    }

    private static void runTrial(long seed) {
        Random random = new Random(seed);
        InMemoryBucket s3 = new InMemoryBucket();
        InMemoryMetadataIndex index = new InMemoryMetadataIndex();
        MetadataSync sync = new MetadataSync(s3, index, Clock.systemUTC(), Duration.ofDays(30));
        Map<String, BigInteger> sequencers = new HashMap<>();
        List<ObjectEvent> inFlight = new ArrayList<>();

        int changes = 1 + random.nextInt(12);
        for (int change = 0; change < changes; change++) {
            String key = KEYS.get(random.nextInt(KEYS.size()));
            BigInteger sequencer = sequencers.getOrDefault(key, BigInteger.valueOf(random.nextInt(4096)))
                    .add(BigInteger.valueOf(1 + random.nextInt(1 << random.nextInt(24))));
            sequencers.put(key, sequencer);
            ObjectEvent event;
            if (random.nextInt(3) > 0) {
                s3.put(key, state("etag-" + seed + "-" + change, CONTENT_TYPES.get(random.nextInt(3))));
                event = event(Change.CREATED, key, hex(sequencer, random));
            } else {
                s3.remove(key);
                event = event(Change.REMOVED, key, hex(sequencer, random));
            }
            int deliveries = 1 + random.nextInt(3); // at-least-once: sometimes twice or three times
            for (int d = 0; d < deliveries; d++) {
                inFlight.add(event);
            }
            // Some events are processed while the history is still being written, in any order.
            for (int n = random.nextInt(3); n > 0 && !inFlight.isEmpty(); n--) {
                sync.apply(inFlight.remove(random.nextInt(inFlight.size())));
            }
        }
        while (!inFlight.isEmpty()) {
            sync.apply(inFlight.remove(random.nextInt(inFlight.size())));
        }

        for (String key : sequencers.keySet()) {
            IndexEntry entry = index.find(BUCKET, key).orElseThrow(() -> new AssertionError("seed " + seed));
            String message = "seed " + seed + ", key " + key;
            s3.current(key).ifPresentOrElse(
                    current -> assertEquals(current, assertInstanceOf(IndexedObject.class, entry, message).state(),
                            message),
                    () -> assertInstanceOf(Tombstone.class, entry, message));
            assertEquals(new Sequencer(sequencers.get(key).toString(16)), entry.sequencer(),
                    message + ": the entry carries the key's last sequencer");
        }
        for (String contentType : CONTENT_TYPES) {
            assertTrue(index.findByContentType(contentType, 10).stream()
                    .allMatch(o -> s3.current(o.key()).isPresent()), "seed " + seed + ": no deleted object listed");
        }
    }

    /** Hex as S3 writes it, with a varying number of leading zeros, so padding is exercised. */
    private static String hex(BigInteger value, Random random) {
        return "0".repeat(random.nextInt(3)) + value.toString(16).toUpperCase();
    }

    private static ObjectEvent event(Change change, String key, String sequencer) {
        String name = change == Change.CREATED ? "ObjectCreated:Put" : "ObjectRemoved:Delete";
        return new ObjectEvent(change, name, BUCKET, key, new Sequencer(sequencer), Instant.now());
    }

    private static ObjectState state(String eTag, String contentType) {
        return new ObjectState(eTag.length(), eTag, null, contentType, Map.of("origin", eTag),
                Instant.parse("2026-11-20T09:00:00Z"));
    }

    private static List<List<Integer>> permutations(List<Integer> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<Integer>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<Integer> rest = new ArrayList<>(items);
            Integer first = rest.remove(i);
            for (List<Integer> tail : permutations(rest)) {
                List<Integer> permutation = new ArrayList<>(List.of(first));
                permutation.addAll(tail);
                all.add(permutation);
            }
        }
        return all;
    }
}
