package com.example.serverless.blogsweep.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.example.serverless.blogsweep.domain.StuckClaimsSweep;
import com.example.serverless.telemetry.EmfMetrics;
import com.example.serverless.telemetry.InvocationLog;
import jakarta.inject.Named;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * EventBridge Scheduler -> one sweep. The schedule's input carries nothing the sweep needs (its settings are the
 * function's), so any JSON object is accepted. EMF: {@code StuckClaims} on every run, 0 included, so the alarm on it
 * sees data rather than a gap.
 */
@Named("ledgerSweep")
public class ScheduledSweepHandler implements RequestHandler<Map<String, Object>, ScheduledSweepHandler.SweepResult> {

    private static final Logger LOG = Logger.getLogger(ScheduledSweepHandler.class);

    private final StuckClaimsSweep sweep;
    private final EmfMetrics metrics;

    ScheduledSweepHandler(StuckClaimsSweep sweep, EmfMetrics metrics) {
        this.sweep = sweep;
        this.metrics = metrics;
    }

    @Override
    public SweepResult handleRequest(Map<String, Object> schedule, Context context) {
        try (InvocationLog log = InvocationLog.open(context.getAwsRequestId())) {
            long started = System.nanoTime();
            int stuck = sweep.sweep();
            metrics.count("StuckClaims", stuck);
            LOG.infof("outcome=swept stuckClaims=%d durationMs=%d", stuck, (System.nanoTime() - started) / 1_000_000);
            return new SweepResult(stuck);
        } finally {
            metrics.flush();
        }
    }

    /** What a run found (the scheduler ignores it; a manual invoke shows it). */
    public record SweepResult(int stuckClaims) {
    }
}
