package com.example.serverless.blogsweep.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StuckClaimsSweepTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private final List<Instant> cutoffs = new ArrayList<>();

    private PendingClaims claims(int count) {
        return (cutoff, each) -> {
            cutoffs.add(cutoff);
            IntStream.range(0, count).forEach(i -> each.accept(new StuckClaim("p", "s" + i, cutoff.minusSeconds(1))));
            return count;
        };
    }

    @Test
    void aClaimIsStuckOnceItIsOlderThanTheConfiguredAge() {
        int stuck = new StuckClaimsSweep(claims(3), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(15), 100).sweep();

        assertEquals(3, stuck);
        assertEquals(List.of(NOW.minus(Duration.ofMinutes(15))), cutoffs);
    }

    @Test
    void theCountIsCompleteEvenWhenTheLogLinesAreCapped() {
        assertEquals(250, new StuckClaimsSweep(claims(250), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(15), 2).sweep());
    }

    @Test
    void aNonPositiveAgeIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new StuckClaimsSweep(claims(0), Clock.systemUTC(), Duration.ZERO, 1));
    }
}
