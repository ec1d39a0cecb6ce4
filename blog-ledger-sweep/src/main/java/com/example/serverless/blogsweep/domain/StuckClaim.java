package com.example.serverless.blogsweep.domain;

import java.time.Instant;

/** A ledger claim never finished: the sender claimed this email and stopped before SES's answer was recorded. */
public record StuckClaim(String postId, String subscriberId, Instant claimedAt) {
}
