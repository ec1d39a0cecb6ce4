package com.example.serverless.http;

import com.example.serverless.telemetry.EmfMetrics;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Counts the responses that failed on our side (5xx) as the EMF metric {@code ServerErrors} of the function's service
 * (the {@link EmfMetrics} bean each function produces, named for it). Every failure becomes a problem response, so
 * Lambda's own {@code Errors} metric never sees them: this is what the canary's alarm watches (with the HTTP API's
 * 5xx metric, which also sees timeouts).
 */
public class ServerErrorMetric {

    static final String METRIC = "ServerErrors";

    @Inject
    EmfMetrics metrics;

    @ServerResponseFilter
    public void countServerError(ContainerResponseContext response) {
        if (response.getStatus() >= 500) {
            metrics.count(METRIC, 1);
            metrics.flush();
        }
    }
}
