package com.example.serverless.todo.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersion7UuidsThatSortByCreationTime() {
        List<String> ids = new ArrayList<>();
        for (long millis = 1_700_000_000_000L; millis < 1_700_000_000_000L + 50; millis++) {
            ids.add(new TimeOrderedIds(Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC)).next());
        }

        assertEquals(ids.stream().sorted().toList(), ids);
        UUID uuid = UUID.fromString(ids.get(0));
        assertEquals(7, uuid.version());
        assertEquals(2, uuid.variant());
        assertEquals(1_700_000_000_000L, uuid.getMostSignificantBits() >>> 16);
    }

    @Test
    void onlyCanonicalLowercaseUuidsAreWellFormed() {
        assertTrue(TimeOrderedIds.isWellFormed("0192f1c4-7a3b-7cde-8f00-000000000000"));
        assertFalse(TimeOrderedIds.isWellFormed("0192F1C4-7A3B-7CDE-8F00-000000000000"));
        assertFalse(TimeOrderedIds.isWellFormed("not-a-uuid"));
        assertFalse(TimeOrderedIds.isWellFormed(null));
    }
}
