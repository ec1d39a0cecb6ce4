package com.example.serverless.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A key ring loaded on first use and again once it is older than {@code maxAge}. A reload that fails keeps the ring
 * it had (a Secrets Manager hiccup must not fail requests the old keys serve); without any ring the failure is thrown.
 * {@link #load()} loads eagerly, e.g. at init or before a SnapStart snapshot.
 */
public final class CachedKeyRing implements Supplier<KeyRing> {

    private static final System.Logger LOG = System.getLogger(CachedKeyRing.class.getName());

    private final Supplier<KeyRing> loader;
    private final Duration maxAge;
    private final Clock clock;
    private KeyRing ring;
    private Instant loadedAt;

    public CachedKeyRing(Supplier<KeyRing> loader, Duration maxAge, Clock clock) {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
        this.loader = loader;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public synchronized KeyRing get() {
        if (ring == null || !clock.instant().isBefore(loadedAt.plus(maxAge))) {
            load();
        }
        return ring;
    }

    public synchronized void load() {
        try {
            ring = loader.get();
            loadedAt = clock.instant();
        } catch (RuntimeException e) {
            if (ring == null) {
                throw e;
            }
            // Try again after another maxAge rather than on every call while Secrets Manager is failing.
            loadedAt = clock.instant();
            LOG.log(System.Logger.Level.WARNING, "Reloading the signing keys failed; keeping the ones loaded before: {0}", e.toString());
        }
    }
}
