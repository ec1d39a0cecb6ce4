package com.example.serverless.reminders.domain;

import java.util.EnumMap;
import java.util.Map;

/** What one run did: reminders sent, and todos skipped by reason. */
public record RunResult(int sent, Map<SkipReason, Integer> skipped) {

    public RunResult {
        skipped = Map.copyOf(skipped);
    }

    public int skippedTotal() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int skipped(SkipReason reason) {
        return skipped.getOrDefault(reason, 0);
    }

    /** Counts as a run goes. */
    static final class Tally {
        private int sent;
        private final Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);

        void sent() {
            sent++;
        }

        void skipped(SkipReason reason, int count) {
            if (count > 0) {
                skipped.merge(reason, count, Integer::sum);
            }
        }

        RunResult result() {
            return new RunResult(sent, skipped);
        }
    }
}
