package com.example.serverless.infra.cost;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One invocation's REPORT line, as Lambda writes it to the function's log group:
 * {@code REPORT RequestId: <id>\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 1024 MB\tMax Memory Used: 201 MB\tInit Duration: 456.78 ms}
 * (Init Duration on cold starts only). A SnapStart function's cold start has no Init Duration (its init ran when the
 * version was published) but {@code Restore Duration: 389.12 ms\tBilled Restore Duration: 174 ms}, billed on top of the
 * Billed Duration (https://docs.aws.amazon.com/lambda/latest/dg/snapstart-monitoring.html).
 */
public record ReportLine(double durationMillis, long billedMillis, int memorySizeMb, int maxMemoryUsedMb,
                         OptionalDouble initDurationMillis, OptionalLong billedRestoreMillis) {

    private static final Pattern DURATION = field("Duration", "ms");
    private static final Pattern BILLED = field("Billed Duration", "ms");
    private static final Pattern MEMORY = field("Memory Size", "MB");
    private static final Pattern MAX_MEMORY = field("Max Memory Used", "MB");
    private static final Pattern INIT = field("Init Duration", "ms");
    private static final Pattern BILLED_RESTORE = field("Billed Restore Duration", "ms");

    /** The REPORT line's figures, or empty for any other log line. */
    public static Optional<ReportLine> parse(String message) {
        if (message == null || !message.startsWith("REPORT ")) {
            return Optional.empty();
        }
        Matcher duration = DURATION.matcher(message);
        Matcher billed = BILLED.matcher(message);
        Matcher memory = MEMORY.matcher(message);
        Matcher maxMemory = MAX_MEMORY.matcher(message);
        if (!(duration.find() && billed.find() && memory.find() && maxMemory.find())) {
            return Optional.empty();
        }
        Matcher init = INIT.matcher(message);
        Matcher billedRestore = BILLED_RESTORE.matcher(message);
        return Optional.of(new ReportLine(Double.parseDouble(duration.group(1)), Math.round(Double.parseDouble(billed.group(1))),
                Integer.parseInt(memory.group(1)), Integer.parseInt(maxMemory.group(1)),
                init.find() ? OptionalDouble.of(Double.parseDouble(init.group(1))) : OptionalDouble.empty(),
                billedRestore.find() ? OptionalLong.of(Math.round(Double.parseDouble(billedRestore.group(1)))) : OptionalLong.empty()));
    }

    /** What Lambda charges GB-seconds for: the billed duration and, after a SnapStart restore, the billed restore. */
    public long chargedMillis() {
        return billedMillis + billedRestoreMillis.orElse(0);
    }

    /** A new execution environment: initialised (Init Duration) or restored from a SnapStart snapshot. */
    public boolean coldStart() {
        return initDurationMillis.isPresent() || billedRestoreMillis.isPresent();
    }

    /** "\tName: 12.3 unit", the name preceded by a tab or the line start so that "Duration" is not "Billed Duration". */
    private static Pattern field(String name, String unit) {
        return Pattern.compile("(?:^|\\t)" + Pattern.quote(name) + ": ([0-9]+(?:\\.[0-9]+)?) " + unit);
    }
}
