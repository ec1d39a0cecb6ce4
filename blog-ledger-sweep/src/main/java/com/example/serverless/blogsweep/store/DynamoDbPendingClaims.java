package com.example.serverless.blogsweep.store;

import com.example.serverless.blogsweep.domain.PendingClaims;
import com.example.serverless.blogsweep.domain.StuckClaim;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The email ledger's sparse {@value #PENDING_INDEX} index (hash {@code pendingClaim}, range {@code pendingSince},
 * epoch seconds): blog-notifier sets both when it claims and removes them when it finishes, so a Query reads only the
 * unfinished claims, never the sent ones.
 */
public final class DynamoDbPendingClaims implements PendingClaims {

    public static final String PENDING_INDEX = "byPendingClaim";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbPendingClaims(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public int claimedBefore(Instant cutoff, Consumer<StuckClaim> each) {
        int count = 0;
        for (Map<String, AttributeValue> item : dynamoDb.queryPaginator(query -> query.tableName(tableName)
                        .indexName(PENDING_INDEX)
                        .keyConditionExpression("pendingClaim = :claimed AND pendingSince < :cutoff")
                        .expressionAttributeValues(Map.of(
                                ":claimed", AttributeValue.fromS("claimed"),
                                ":cutoff", AttributeValue.fromN(Long.toString(cutoff.getEpochSecond())))))
                .items()) {
            count++;
            each.accept(new StuckClaim(item.get("postId").s(), item.get("subscriberId").s(),
                    Instant.ofEpochSecond(Long.parseLong(item.get("pendingSince").n()))));
        }
        return count;
    }
}
