package com.example.serverless.reminders.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.example.serverless.email.Deadline;
import com.example.serverless.reminders.config.RemindersConfig;
import com.example.serverless.reminders.domain.OutOfTimeException;
import com.example.serverless.reminders.domain.ReminderJob;
import com.example.serverless.reminders.domain.RunResult;
import com.example.serverless.telemetry.EmfMetrics;
import com.example.serverless.telemetry.InvocationLog;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * The schedule (EventBridge Scheduler) invokes this function asynchronously, once a day. The event says nothing the
 * job needs: the day is the clock's, in the configured zone, so a retried or late invocation works on the day it runs.
 * Counted in EMF: {@code RemindersSent}, {@code RemindersSkipped} (dimension {@code Reason}); one INFO line per run.
 * A run that fails (SES throttled or blocked, Cognito unavailable, out of time) fails the invocation: Lambda retries
 * it, then hands it to the on-failure queue; the next day's run covers today again.
 */
@Named("todoReminders")
public class ReminderHandler implements RequestHandler<ScheduledRun, RunSummary> {

    private static final Logger LOG = Logger.getLogger(ReminderHandler.class);
    /** Lambda's longest timeout; a larger "remaining time" means the runtime sent no deadline. */
    private static final Duration LAMBDA_MAX_TIMEOUT = Duration.ofMinutes(15);

    private final ReminderJob job;
    private final EmfMetrics metrics;
    private final Clock clock;
    private final RemindersConfig config;

    public ReminderHandler(ReminderJob job, EmfMetrics metrics, Clock clock, RemindersConfig config) {
        this.job = job;
        this.metrics = metrics;
        this.clock = clock;
        this.config = config;
    }

    @Override
    public RunSummary handleRequest(ScheduledRun run, Context context) {
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock.withZone(config.zone()));
        try (InvocationLog log = InvocationLog.open(context.getAwsRequestId())) {
            RunResult result;
            try {
                result = job.run(today, Deadline.after(remaining(context), clock));
            } catch (OutOfTimeException outOfTime) {
                count(outOfTime.partial());
                LOG.warnf("Reminder run for %s stopped for time after %d ms: sent=%d skipped=%s; the retry continues",
                        today, millisSince(started), outOfTime.partial().sent(), outOfTime.partial().skipped());
                throw outOfTime;
            }
            count(result);
            LOG.infof("Reminder run for %s and %s (schedule %s, execution %s): sent=%d skipped=%d %s in %d ms", today,
                    today.plusDays(1), run == null ? null : run.scheduledTime(), run == null ? null : run.executionId(),
                    result.sent(), result.skippedTotal(), result.skipped(), millisSince(started));
            return RunSummary.of(today, result);
        } finally {
            metrics.flush();
        }
    }

    private void count(RunResult result) {
        metrics.count("RemindersSent", result.sent());
        result.skipped().forEach((reason, count) -> metrics.count("RemindersSkipped", count, "Reason", reason.name()));
    }

    private Duration remaining(Context context) {
        Duration remaining = Duration.ofMillis(context.getRemainingTimeInMillis());
        if (remaining.isNegative() || remaining.isZero() || remaining.compareTo(LAMBDA_MAX_TIMEOUT) > 0) {
            return config.fallbackTimeBudget();
        }
        return remaining;
    }

    private static long millisSince(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
