package com.example.serverless.blogsweep.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Finds the email claims stuck in {@code claimed} and reports them; it never resends. A claim is stuck when it is
 * older than any sender invocation can run: the sender died between claiming and recording SES's answer, so SES may
 * or may not have the email, and only someone looking at SES (its message events, the reader) can tell. Resending
 * blindly would turn the ledger's at-most-once into at-least-once for exactly those readers.
 */
public final class StuckClaimsSweep {

    private static final Logger LOG = Logger.getLogger(StuckClaimsSweep.class);

    private final PendingClaims claims;
    private final Clock clock;
    private final Duration stuckAfter;
    private final int maxLogged;

    public StuckClaimsSweep(PendingClaims claims, Clock clock, Duration stuckAfter, int maxLogged) {
        if (stuckAfter.isNegative() || stuckAfter.isZero()) {
            throw new IllegalArgumentException("stuckAfter must be positive");
        }
        this.claims = claims;
        this.clock = clock;
        this.stuckAfter = stuckAfter;
        this.maxLogged = maxLogged;
    }

    /** The number of stuck claims; each of the first {@code maxLogged} gets one WARN line (ids only, no address). */
    public int sweep() {
        Instant cutoff = clock.instant().minus(stuckAfter);
        int[] logged = {0};
        return claims.claimedBefore(cutoff, claim -> {
            if (logged[0]++ < maxLogged) {
                LOG.warnf("post=%s subscriber=%s claimedAt=%s outcome=stuck-claim", claim.postId(), claim.subscriberId(),
                        claim.claimedAt());
            }
        });
    }
}
