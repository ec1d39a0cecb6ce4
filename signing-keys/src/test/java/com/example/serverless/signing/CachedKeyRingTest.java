package com.example.serverless.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CachedKeyRingTest {

    private static KeyRing ring(String id) {
        return KeyRing.of(new SigningKey(id, new byte[32]), List.of());
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MutableClock clock = new MutableClock();
    private final Deque<Supplier<KeyRing>> answers = new ArrayDeque<>();
    private int loads;
    private final CachedKeyRing cached = new CachedKeyRing(() -> {
        loads++;
        return answers.removeFirst().get();
    }, Duration.ofMinutes(5), clock);

    @Test
    void theRingIsLoadedOnceAndAgainWhenOlderThanMaxAge() {
        answers.add(() -> ring("a1"));
        answers.add(() -> ring("b2"));

        assertEquals("a1", cached.get().current().id());
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertEquals("a1", cached.get().current().id());
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertEquals("b2", cached.get().current().id());
        assertEquals(2, loads);
    }

    @Test
    void aFailedReloadKeepsTheRingItHadAndTriesAgainAfterAnotherMaxAge() {
        KeyRing first = ring("a1");
        answers.add(() -> first);
        answers.add(() -> {
            throw new IllegalStateException("Secrets Manager is down");
        });
        answers.add(() -> ring("c3"));
        cached.get();

        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertSame(first, cached.get());
        assertSame(first, cached.get(), "no second attempt right away");
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertEquals("c3", cached.get().current().id());
        assertEquals(3, loads);
    }

    @Test
    void withoutAnyRingTheFailureIsThrown() {
        answers.add(() -> {
            throw new IllegalStateException("no access to the secret");
        });

        assertThrows(IllegalStateException.class, cached::get);
    }
}
