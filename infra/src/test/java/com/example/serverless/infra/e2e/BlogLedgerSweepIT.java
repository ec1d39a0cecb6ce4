package com.example.serverless.infra.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The housekeeping schedule through the deployed stack: a ledger claim a crashed sender left behind (written here as
 * blog-notifier writes one), EventBridge Scheduler firing blog-ledger-sweep (every minute in the E2E deploy, hourly by
 * default), and the sweep's report in the function's CloudWatch Logs. The claim is reported, not changed.
 */
@ExtendWith(E2eStack.class)
class BlogLedgerSweepIT {

    /** Two schedule periods of the E2E deploy, and a cold start. */
    private static final Duration REPORTED = Duration.ofMinutes(3);

    private static E2eStack.Stack stack;
    private static DynamoDbClient dynamoDb;
    private static final String POST = "stuck-" + UUID.randomUUID();

    @BeforeAll
    static void clients(E2eStack.Stack deployed) {
        stack = deployed;
        dynamoDb = stack.clients().configure(DynamoDbClient.builder());
    }

    @AfterAll
    static void removeTheClaim() {
        if (dynamoDb != null) {
            dynamoDb.deleteItem(b -> b.tableName(ledger()).key(Map.of("postId", s(POST), "subscriberId", s("crashed"))));
        }
    }

    @Test
    void aClaimLeftUnfinishedIsReportedByTheScheduledSweepAndLeftAsItIs() {
        Instant claimedAt = Instant.now().minus(Duration.ofHours(1));
        dynamoDb.putItem(b -> b.tableName(ledger()).item(Map.of(
                "postId", s(POST), "subscriberId", s("crashed"), "state", s("claimed"),
                "claimedAt", s(claimedAt.toString()), "pendingClaim", s("claimed"),
                "pendingSince", AttributeValue.fromN(Long.toString(claimedAt.getEpochSecond())),
                "expiresAt", AttributeValue.fromN(Long.toString(claimedAt.plus(Duration.ofDays(1)).getEpochSecond())))));

        String function = new FunctionRoles(stack).functionName("BlogLedgerSweepFunction");
        List<String> report = Eventually.await("the sweep's report of " + POST, REPORTED,
                () -> logLines(function, "\"post=" + POST + "\""), lines -> !lines.isEmpty());

        assertThat(report.get(0).contains("subscriber=crashed") && report.get(0).contains("outcome=stuck-claim"), equalTo(true));
        assertThat("reported, never resent or changed", dynamoDb.getItem(b -> b.tableName(ledger()).consistentRead(true)
                .key(Map.of("postId", s(POST), "subscriberId", s("crashed")))).item().get("state").s(), equalTo("claimed"));
    }

    private static List<String> logLines(String function, String filterPattern) {
        try (CloudWatchLogsClient logs = stack.clients().configure(CloudWatchLogsClient.builder())) {
            return logs.filterLogEventsPaginator(b -> b.logGroupName("/aws/lambda/" + function).filterPattern(filterPattern))
                    .events().stream().map(FilteredLogEvent::message).toList();
        } catch (ResourceNotFoundException notInvokedYet) {
            return List.of();
        }
    }

    private static String ledger() {
        return stack.outputs().get("EmailLedgerTableName");
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
