package com.example.serverless.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** When the current invocation will be stopped; sends are only started while enough time is left. */
public record Deadline(Instant at, Clock clock) {

    public static Deadline after(Duration remaining, Clock clock) {
        return new Deadline(clock.instant().plus(remaining), clock);
    }

    public Duration remaining() {
        return Duration.between(clock.instant(), at);
    }
}
