package com.example.serverless.telemetry;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.MDC;

/**
 * What every log line of an invocation carries, in the MDC (the JSON log's "mdc" object): the Lambda request id, the
 * X-Ray trace id, and whether this invocation is the environment's first (a cold start). The handler opens it at the
 * boundary and closes it when the invocation ends: {@code try (var log = InvocationLog.open(requestId)) {...}}.
 */
public final class InvocationLog implements AutoCloseable {

    public static final String REQUEST_ID = "requestId";
    public static final String TRACE_ID = "traceId";
    public static final String COLD_START = "coldStart";
    /** Where the Lambda runtime interface client puts the invocation's X-Ray header (on AWS's Java runtimes too). */
    static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";
    static final String TRACE_HEADER_ENV = "_X_AMZN_TRACE_ID";

    private static final AtomicBoolean FIRST_INVOCATION = new AtomicBoolean(true);

    private final boolean coldStart;

    private InvocationLog(boolean coldStart) {
        this.coldStart = coldStart;
    }

    public static InvocationLog open(String requestId) {
        return open(requestId, traceHeader());
    }

    static InvocationLog open(String requestId, String traceHeader) {
        boolean coldStart = FIRST_INVOCATION.getAndSet(false);
        MDC.put(REQUEST_ID, requestId == null ? "" : requestId);
        MDC.put(TRACE_ID, traceId(traceHeader));
        MDC.put(COLD_START, Boolean.toString(coldStart));
        return new InvocationLog(coldStart);
    }

    public boolean coldStart() {
        return coldStart;
    }

    @Override
    public void close() {
        MDC.remove(REQUEST_ID);
        MDC.remove(TRACE_ID);
        MDC.remove(COLD_START);
    }

    private static String traceHeader() {
        String header = System.getProperty(TRACE_HEADER_PROPERTY);
        return header != null ? header : System.getenv(TRACE_HEADER_ENV);
    }

    /** "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1" -> the Root; "" without one. */
    static String traceId(String header) {
        if (header == null) {
            return "";
        }
        for (String field : header.split(";")) {
            String trimmed = field.strip();
            if (trimmed.startsWith("Root=")) {
                return trimmed.substring("Root=".length());
            }
        }
        return "";
    }
}
