package com.example.serverless.http;

import com.example.serverless.telemetry.InvocationLog;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Opens the invocation's {@link InvocationLog} (request id, trace id, cold start: every log line of the request
 * carries them) and writes one line per request: method, path, status, duration. Never bodies, headers or tokens.
 */
public class RequestLogging {

    private static final Logger LOG = Logger.getLogger(RequestLogging.class);
    private static final String STARTED = "requestStartedNanos";
    private static final String LOG_CONTEXT = "invocationLog";

    @Inject
    LambdaRequestId requestId;

    @ServerRequestFilter(preMatching = true)
    public void start(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
        request.setProperty(LOG_CONTEXT, InvocationLog.open(requestId.value()));
    }

    @ServerResponseFilter
    public void finish(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        long millis = started == null ? -1 : (System.nanoTime() - (long) started) / 1_000_000;
        LOG.infof("%s %s -> %d in %d ms", request.getMethod(), request.getUriInfo().getPath(), response.getStatus(),
                millis);
        if (request.getProperty(LOG_CONTEXT) instanceof InvocationLog log) {
            log.close();
        }
    }
}
