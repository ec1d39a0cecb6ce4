package com.example.serverless.infra.cost;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CostReportTest {

    @Test
    void aFunctionNeverInvokedHasNoPriceAndLongNamesKeepTheColumnsAligned() {
        String report = CostReport.format("Cost", List.of(
                FunctionCost.of("TodoAttachmentsCleanupFunction",
                        List.of(new ReportLine(469.2, 470, 512, 0, OptionalDouble.empty(), OptionalLong.empty()))),
                FunctionCost.of("TodoFunction", List.of())));

        List<String> table = report.lines().toList().subList(1, 4);
        int width = table.getFirst().length();
        assertThat(table, everyItem(hasLength(width)));
        // 470 ms at 512 MB: 0.23 GB-s, $3.92 a million on x86_64 + $0.20; MiniStack's Max Memory Used 0 is no figure.
        assertThat(table.get(1), startsWith("TodoAttachmentsCleanupFunction        1      469.2      470.0     512        -"));
        assertThat(table.get(1), endsWith("4.12         3.33"));
        assertThat(table.get(2), endsWith("0          -          -       -        -      -         -            -            -"));
    }
}
