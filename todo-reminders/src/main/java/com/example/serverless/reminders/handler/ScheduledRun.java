package com.example.serverless.reminders.handler;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The schedule's payload: the template's target Input, {@code {"scheduledTime": "<aws.scheduler.scheduled-time>",
 * "executionId": "<aws.scheduler.execution-id>"}}, which Scheduler fills in. Only logged: the job's day is the clock's.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduledRun(String scheduledTime, String executionId) {
}
