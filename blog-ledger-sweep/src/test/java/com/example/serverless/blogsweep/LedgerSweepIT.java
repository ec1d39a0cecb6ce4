package com.example.serverless.blogsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.blogsweep.config.SweepConfig;
import com.example.serverless.blogsweep.domain.StuckClaimsSweep;
import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.MockEventServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The ledger table as in infra/template.yaml (with its sparse byPendingClaim index) in the local cloud, entries in
 * every state blog-notifier leaves, and the function invoked with a schedule's payload through the mock event server.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class LedgerSweepIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DynamoDbClient dynamoDb;

    @Inject
    SweepConfig config;

    private final String post = "post-" + UUID.randomUUID();

    @BeforeEach
    void ledgerTable() {
        try {
            dynamoDb.createTable(table -> table.tableName(config.ledgerTable())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(key("postId", KeyType.HASH), key("subscriberId", KeyType.RANGE))
                    .attributeDefinitions(string("postId"), string("subscriberId"), string("pendingClaim"),
                            AttributeDefinition.builder().attributeName("pendingSince").attributeType(ScalarAttributeType.N).build())
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byPendingClaim")
                            .keySchema(key("pendingClaim", KeyType.HASH), key("pendingSince", KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
        } catch (ResourceInUseException createdBefore) {
            // the first test made it
        }
    }

    @Test
    void onlyClaimsOlderThanTheAgeAndStillUnfinishedAreReportedAndNothingIsChanged() throws IOException {
        Instant now = Instant.now();
        putClaim("crashed", now.minus(Duration.ofHours(2)), true);
        putClaim("in-flight", now.minusSeconds(30), true);
        putClaim("sent-long-ago", now.minus(Duration.ofHours(3)), false);

        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(String.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger sweepLog = Logger.getLogger(StuckClaimsSweep.class.getName());
        sweepLog.addHandler(capture);
        String response;
        try {
            response = MockEventServer.invoke(schedulerPayload());
        } finally {
            sweepLog.removeHandler(capture);
            System.setOut(original);
        }

        assertTrue(JSON.readTree(response).path("stuckClaims").asInt() >= 1, response);
        String mine = String.join("\n", warnings.stream().filter(line -> line.contains("post=" + post)).toList());
        assertEquals("post=" + post + " subscriber=crashed claimedAt=" + Instant.ofEpochSecond(
                now.minus(Duration.ofHours(2)).getEpochSecond()) + " outcome=stuck-claim", mine,
                "the crashed claim only: not the one in flight, not the finished one");
        String output = printed.toString(StandardCharsets.UTF_8);
        List<String> metrics = output.lines().filter(line -> line.startsWith("{\"_aws\"")).toList();
        assertEquals(1, metrics.size(), output);
        assertTrue(JSON.readTree(metrics.get(0)).path("StuckClaims").asInt() >= 1, metrics.get(0));
        assertEquals("claimed", dynamoDb.getItem(get -> get.tableName(config.ledgerTable()).consistentRead(true)
                .key(Map.of("postId", s(post), "subscriberId", s("crashed")))).item().get("state").s(),
                "reported, not resent or changed");
    }

    @Test
    void anEmptyLedgerReportsZeroAndStillEmitsTheMetric() throws IOException {
        String response = MockEventServer.invoke("{}");

        assertTrue(JSON.readTree(response).has("stuckClaims"), response);
    }

    /** What EventBridge Scheduler delivers when the schedule's Input is the template's. */
    private static String schedulerPayload() {
        return "{\"job\":\"blog-ledger-sweep\"}";
    }

    private void putClaim(String subscriberId, Instant claimedAt, boolean unfinished) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of("postId", s(post), "subscriberId", s(subscriberId),
                "state", s(unfinished ? "claimed" : "sent"), "claimedAt", s(claimedAt.toString())));
        if (unfinished) {
            item.put("pendingClaim", s("claimed"));
            item.put("pendingSince", AttributeValue.fromN(Long.toString(claimedAt.getEpochSecond())));
        }
        dynamoDb.putItem(put -> put.tableName(config.ledgerTable()).item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
