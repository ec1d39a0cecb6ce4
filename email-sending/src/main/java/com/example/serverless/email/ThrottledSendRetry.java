package com.example.serverless.email;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Retries a throttled send with exponential backoff and full jitter (a random wait between zero and
 * {@code min(maxDelay, baseDelay * 2^attempt)}), for as long as the invocation has time for the wait plus a
 * safety margin. Only throttling is retried here: it is the one failure that says for certain that SES took
 * nothing, so a retry cannot duplicate an email.
 */
public final class ThrottledSendRetry {

    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration safetyMargin;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    public ThrottledSendRetry(Duration baseDelay, Duration maxDelay, Duration safetyMargin, Sleeper sleeper,
            RandomGenerator random) {
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.safetyMargin = safetyMargin;
        this.sleeper = sleeper;
        this.random = random;
    }

    public String send(Mailer mailer, Email email, Deadline deadline) {
        for (int attempt = 0; ; attempt++) {
            try {
                return mailer.send(email);
            } catch (MailThrottledException throttled) {
                Duration wait = jitteredDelay(attempt);
                if (deadline.remaining().minus(wait).compareTo(safetyMargin) < 0) {
                    throw new MailThrottledException("Still throttled after " + (attempt + 1)
                            + " attempts; the invocation has no time for another", throttled);
                }
                pause(wait, throttled);
            }
        }
    }

    private Duration jitteredDelay(int attempt) {
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    private void pause(Duration wait, MailThrottledException throttled) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailThrottledException("Interrupted while backing off", throttled);
        }
    }
}
