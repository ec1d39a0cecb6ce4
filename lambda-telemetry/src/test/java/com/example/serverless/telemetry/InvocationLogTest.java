package com.example.serverless.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

class InvocationLogTest {

    @Test
    void theTraceIdIsTheRootOfTheXRayHeader() {
        assertEquals("1-5759e988-bd862e3fe1be46a994272793",
                InvocationLog.traceId("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));
        assertEquals("1-5759e988-bd862e3fe1be46a994272793", InvocationLog.traceId("Parent=1; Root=1-5759e988-bd862e3fe1be46a994272793"));
        assertEquals("", InvocationLog.traceId(null));
        assertEquals("", InvocationLog.traceId("Sampled=0"));
    }

    @Test
    void anInvocationsLogLinesCarryItsIdsAndOnlyTheFirstIsACold() {
        try (InvocationLog first = InvocationLog.open("r-1", "Root=1-aaa;Sampled=1")) {
            assertEquals("r-1", MDC.get(InvocationLog.REQUEST_ID));
            assertEquals("1-aaa", MDC.get(InvocationLog.TRACE_ID));
            assertEquals(Boolean.toString(first.coldStart()), MDC.get(InvocationLog.COLD_START));
        }
        try (InvocationLog second = InvocationLog.open("r-2", null)) {
            assertFalse(second.coldStart());
            assertEquals("false", MDC.get(InvocationLog.COLD_START));
            assertEquals("", MDC.get(InvocationLog.TRACE_ID));
        }
        assertNull(MDC.get(InvocationLog.REQUEST_ID), "closed: nothing leaks into the next invocation");
    }
}
