package com.example.serverless.reminders.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The schedule's payload as the function receives it; event deserialisation is where Java Lambdas break. */
class ScheduledRunTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theTemplatesInputFilledInBySchedulerIsRead() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/events/scheduler-run.json")) {
            ScheduledRun run = json.readValue(in, ScheduledRun.class);
            assertEquals("2026-12-03T07:00:00Z", run.scheduledTime());
            assertEquals("1e6b9c1e-7b1a-4c8e-9d0a-3f2b5a6c7d8e", run.executionId());
        }
    }

    @Test
    void anEventBridgeShapedEventWithoutTheInputIsAcceptedToo() throws IOException {
        ScheduledRun run = json.readValue("""
                {"version": "0", "id": "x", "detail-type": "Scheduled Event", "source": "aws.scheduler",
                 "time": "2026-12-03T07:00:00Z", "resources": [], "detail": {}}""", ScheduledRun.class);
        assertNull(run.scheduledTime());
    }
}
