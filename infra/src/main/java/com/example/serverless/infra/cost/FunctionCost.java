package com.example.serverless.infra.cost;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What one function's REPORT lines add up to, and what a million such invocations cost. The billed mean includes
 * SnapStart's billed restore time ({@link ReportLine#chargedMillis()}).
 */
public record FunctionCost(String function, int invocations, double meanDurationMillis, double meanBilledMillis,
                           int memorySizeMb, int maxMemoryUsedMb, int coldStarts, OptionalDouble meanInitMillis) {

    public static FunctionCost of(String function, List<ReportLine> lines) {
        if (lines.isEmpty()) {
            return new FunctionCost(function, 0, 0, 0, 0, 0, 0, OptionalDouble.empty());
        }
        return new FunctionCost(function, lines.size(),
                lines.stream().mapToDouble(ReportLine::durationMillis).average().orElse(0),
                lines.stream().mapToLong(ReportLine::chargedMillis).average().orElse(0),
                lines.getLast().memorySizeMb(),
                lines.stream().mapToInt(ReportLine::maxMemoryUsedMb).max().orElse(0),
                (int) lines.stream().filter(ReportLine::coldStart).count(),
                lines.stream().filter(line -> line.initDurationMillis().isPresent())
                        .mapToDouble(line -> line.initDurationMillis().getAsDouble()).average());
    }

    public double perMillion(LambdaPrices prices) {
        return prices.perMillionInvocations(meanBilledMillis, memorySizeMb);
    }

    /** What these very invocations cost (their billed GB-seconds and requests). */
    public double total(LambdaPrices prices) {
        return perMillion(prices) * invocations / 1_000_000;
    }
}
