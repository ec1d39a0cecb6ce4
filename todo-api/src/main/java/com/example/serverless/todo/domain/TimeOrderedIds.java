package com.example.serverless.todo.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUIDv7 identifiers (RFC 9562): 48 bits of Unix milliseconds then random bits, so ids sort by creation
 * time. Todos are stored under these ids, which gives listings a stable creation order for free.
 */
public final class TimeOrderedIds {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    public String next() {
        long millis = clock.millis();
        long randomHigh = random.nextLong();
        long mostSignificant = (millis << 16) | 0x7000L | (randomHigh & 0x0FFFL);
        long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }

    public static boolean isWellFormed(String id) {
        try {
            return id != null && id.length() == 36 && UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
