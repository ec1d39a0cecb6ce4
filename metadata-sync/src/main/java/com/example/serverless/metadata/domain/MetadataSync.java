package com.example.serverless.metadata.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Keeps the index in step with S3 under at-least-once, unordered delivery.
 *
 * <p>An event is treated as a signal that its key changed, not as the new state: the state is read from S3
 * (strongly consistent) and written under the event's sequencer with {@link MetadataIndex#putIfNewer}. Whatever
 * S3 returns is at least as new as the event, so the entry written for the key's last event is S3's final state,
 * whatever order the events arrive in and however often. This one rule also covers what the events alone would
 * get wrong: a create whose object was deleted or overwritten since (S3 says so, the event would not), deleting a
 * non-current version (the current object stays indexed) and deleting the current version (the previous one
 * becomes current again, and S3 sends no event for that).
 */
public class MetadataSync {

    private final CurrentObjects objects;
    private final MetadataIndex index;
    private final Clock clock;
    private final Duration tombstoneRetention;

    public MetadataSync(CurrentObjects objects, MetadataIndex index, Clock clock, Duration tombstoneRetention) {
        this.objects = Objects.requireNonNull(objects, "objects");
        this.index = Objects.requireNonNull(index, "index");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (tombstoneRetention == null || tombstoneRetention.isNegative() || tombstoneRetention.isZero()) {
            throw new IllegalArgumentException("tombstoneRetention must be positive");
        }
        this.tombstoneRetention = tombstoneRetention;
    }

    /**
     * @throws TransientFailureException when S3 or the index failed in a way worth retrying; applying the same
     *         event again later is safe
     */
    public SyncOutcome apply(ObjectEvent event) {
        Instant now = clock.instant();
        IndexEntry entry = objects.find(event.bucket(), event.key())
                .<IndexEntry>map(state -> new IndexedObject(event.bucket(), event.key(), event.sequencer(), state,
                        event.eventTime(), now))
                .orElseGet(() -> new Tombstone(event.bucket(), event.key(), event.sequencer(), event.eventTime(), now,
                        now.plus(tombstoneRetention)));
        return switch (index.putIfNewer(entry)) {
            case WRITTEN -> entry instanceof Tombstone ? SyncOutcome.TOMBSTONED : SyncOutcome.INDEXED;
            case DUPLICATE -> SyncOutcome.DUPLICATE;
            case STALE -> SyncOutcome.STALE;
        };
    }
}
