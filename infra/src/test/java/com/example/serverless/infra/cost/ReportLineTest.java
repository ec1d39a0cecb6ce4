package com.example.serverless.infra.cost;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** REPORT lines as AWS writes them (SnapStart's too, and as MiniStack does: integers, no Init Duration), and what they cost. */
class ReportLineTest {

    @Test
    void anAwsColdStartReportIsRead() {
        ReportLine line = ReportLine.parse("REPORT RequestId: 8f5b2c1e-0a3b-4c5d-9e8f-1a2b3c4d5e6f\tDuration: 45.67 ms\t"
                + "Billed Duration: 46 ms\tMemory Size: 1024 MB\tMax Memory Used: 187 MB\tInit Duration: 1234.56 ms\t").orElseThrow();

        assertThat(line, equalTo(new ReportLine(45.67, 46, 1024, 187, OptionalDouble.of(1234.56), OptionalLong.empty())));
        assertThat(line.coldStart(), equalTo(true));
    }

    @Test
    void miniStacksReportWithoutInitIsRead() {
        assertThat(ReportLine.parse("REPORT RequestId: r1\tDuration: 12 ms\tBilled Duration: 12 ms\tMemory Size: 512 MB\t"
                + "Max Memory Used: 90 MB"), equalTo(Optional.of(new ReportLine(12, 12, 512, 90, OptionalDouble.empty(), OptionalLong.empty()))));
    }

    @Test
    void aSnapStartRestoreIsAColdStartBilledForItsRestoreToo() {
        ReportLine line = ReportLine.parse("REPORT RequestId: 3c1d9a7e-5b2f-4e6a-8d0c-7f1e2a3b4c5d\tDuration: 25.32 ms\t"
                + "Billed Duration: 26 ms\tMemory Size: 1024 MB\tMax Memory Used: 150 MB\tRestore Duration: 389.12 ms\t"
                + "Billed Restore Duration: 174 ms\t").orElseThrow();

        assertThat(line, equalTo(new ReportLine(25.32, 26, 1024, 150, OptionalDouble.empty(), OptionalLong.of(174))));
        assertThat(line.coldStart(), equalTo(true));
        // 26 + 174 ms at 1024 MB: 0.2 GB-s, $3.33334 a million on x86_64, + $0.20 for the requests.
        FunctionCost cost = FunctionCost.of("TodoFunction", List.of(line));
        assertThat(cost.coldStarts(), equalTo(1));
        assertThat(cost.perMillion(LambdaPrices.X86_64), closeTo(3.53334, 0.000001));
    }

    @Test
    void otherLinesAreNotReports() {
        assertThat(ReportLine.parse("START RequestId: r1 Version: $LATEST"), equalTo(Optional.empty()));
        assertThat(ReportLine.parse("{\"message\":\"REPORT in a log message\"}"), equalTo(Optional.empty()));
        assertThat(ReportLine.parse("REPORT RequestId: r1\tDuration: 12 ms"), equalTo(Optional.empty()));
    }

    @Test
    void aMillionInvocationsCostTheirRequestsAndTheirGigabyteSeconds() {
        // 100 ms at 1024 MB: 0.1 GB-s each, 100,000 GB-s a million: $1.66667 + $0.20 on x86_64.
        assertThat(LambdaPrices.X86_64.perMillionInvocations(100, 1024), closeTo(1.86667, 0.00001));
        assertThat(LambdaPrices.ARM64.perMillionInvocations(100, 1024), closeTo(1.53333, 0.00001));
        FunctionCost cost = FunctionCost.of("TodoFunction", List.of(
                new ReportLine(90, 100, 1024, 200, OptionalDouble.of(900), OptionalLong.empty()),
                new ReportLine(40, 100, 1024, 210, OptionalDouble.empty(), OptionalLong.empty())));
        assertThat(cost.coldStarts(), equalTo(1));
        assertThat(cost.maxMemoryUsedMb(), equalTo(210));
        assertThat(cost.total(LambdaPrices.X86_64), closeTo(2 * 1.86667 / 1_000_000, 1e-9));
    }
}
