package com.example.serverless.blogsweep.domain;

import java.time.Instant;
import java.util.function.Consumer;

/** The ledger's unfinished claims. */
public interface PendingClaims {

    /** Hands every claim made before {@code cutoff} and still unfinished to {@code each}; returns how many. */
    int claimedBefore(Instant cutoff, Consumer<StuckClaim> each);
}
