package com.example.serverless.infra.lint;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.serverless.infra.lint.TemplateScan.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How checkov's findings meet the skip list: covered, not covered, and skips that no longer match anything. */
class TemplateScanTest {

    private static final String REPORT = """
            {"check_type": "cloudformation", "results": {"failed_checks": [
              {"check_id": "CKV_AWS_18", "check_name": "Ensure the S3 bucket has access logging enabled",
               "resource": "AWS::S3::Bucket.AccessLogsBucket"},
              {"check_id": "CKV_AWS_117", "check_name": "Ensure that AWS Lambda function is configured inside a VPC",
               "resource": "AWS::Serverless::Function.TodoFunction"}]}}""";

    @Test
    void findingsAreReadWithTheResourcesLogicalId() {
        assertThat(TemplateScan.findings(REPORT), contains(
                new Finding("CKV_AWS_18", "Ensure the S3 bucket has access logging enabled", "AccessLogsBucket"),
                new Finding("CKV_AWS_117", "Ensure that AWS Lambda function is configured inside a VPC", "TodoFunction")));
    }

    @Test
    void aSkipCoversItsCheckEverywhereOrOnItsResourceOnly(@TempDir Path dir) throws IOException {
        TemplateScan.Skips skips = TemplateScan.readSkips(Files.writeString(dir.resolve("skips.yaml"), """
                everywhere:
                  CKV_AWS_117: "no VPC needed"
                resources:
                  AccessLogsBucket:
                    CKV_AWS_18: "cannot log into itself"
                """));
        List<Finding> findings = TemplateScan.findings(REPORT);

        assertThat(findings.stream().allMatch(skips::covers), equalTo(true));
        assertThat(skips.covers(new Finding("CKV_AWS_18", "logging", "UploadsBucket")), equalTo(false));
        assertThat(skips.unused(findings), equalTo(List.of()));
        assertThat(skips.unused(findings.subList(0, 1)), equalTo(List.of("CKV_AWS_117 (everywhere)")));
    }

    @Test
    void aSkipWithoutAReasonIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("skips.yaml"), "everywhere:\n  CKV_AWS_117: \"\"\n");
        assertThrows(IllegalStateException.class, () -> TemplateScan.readSkips(file));
    }

    @Test
    void theProjectsSkipListGivesEverySkipAReason() {
        TemplateScan.Skips skips = TemplateScan.readSkips(Path.of("checkov-skips.yaml"));
        assertThat(skips.everywhere().isEmpty(), equalTo(false));
    }
}
