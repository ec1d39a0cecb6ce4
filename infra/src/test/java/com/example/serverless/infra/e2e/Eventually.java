package com.example.serverless.infra.e2e;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How the E2E suite waits for an asynchronous effect: probe, and while the answer is not the one expected,
 * sleep 100 ms, 200 ms, 400 ms ... (at most 2 s) and probe again, until the bound. Bounds are generous
 * (they absorb cold starts on a loaded machine); they are limits, never measurements.
 */
final class Eventually {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

    private Eventually() {
    }

    /** The first probed value that satisfies {@code done}; fails with the last value seen when the bound passes. */
    static <T> T await(String what, Duration bound, Supplier<T> probe, Predicate<? super T> done) {
        return await(what, bound, FIRST_PAUSE, LONGEST_PAUSE, probe, done);
    }

    /** The same with a fixed pause: for measuring when an effect appears, where a growing pause would be the error. */
    static <T> T awaitEvery(Duration pause, String what, Duration bound, Supplier<T> probe, Predicate<? super T> done) {
        return await(what, bound, pause, pause, probe, done);
    }

    private static <T> T await(String what, Duration bound, Duration firstPause, Duration longestPause,
            Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + bound.toNanos();
        Duration pause = firstPause;
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(what + ": not within " + bound + "; last seen: " + value);
            }
            sleep(Math.min(pause.toNanos(), left));
            pause = pause.multipliedBy(2).compareTo(longestPause) > 0 ? longestPause : pause.multipliedBy(2);
        }
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
