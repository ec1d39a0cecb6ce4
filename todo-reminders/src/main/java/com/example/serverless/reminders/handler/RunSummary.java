package com.example.serverless.reminders.handler;

import com.example.serverless.reminders.domain.RunResult;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** The function's answer (for a manual invocation and the tests): the day it ran for, reminders sent, skips by reason. */
@RegisterForReflection
public record RunSummary(String today, int sent, Map<String, Integer> skipped) {

    static RunSummary of(LocalDate today, RunResult result) {
        Map<String, Integer> skipped = new TreeMap<>();
        result.skipped().forEach((reason, count) -> skipped.put(reason.name(), count));
        return new RunSummary(today.toString(), result.sent(), skipped);
    }
}
