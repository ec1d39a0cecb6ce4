package com.example.serverless.blog.store;

import com.example.serverless.blog.domain.DeliveryLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The email ledger: hash {@code postId}, range {@code subscriberId}, a {@code state} of claimed, sent or
 * rejected, and {@code expiresAt} (epoch seconds, the table's TTL attribute) so entries go away after
 * {@code retention}. Within that time the same post is never mailed twice to the same subscriber, even if it
 * is unpublished and published again.
 *
 * <p>While a claim is unfinished it also carries {@code pendingClaim} and {@code pendingSince} (epoch seconds), the
 * keys of the sparse {@value #PENDING_INDEX} index: finishing removes them, so the index holds only the claims a
 * crash left behind (and the few in flight), which blog-ledger-sweep reports.
 */
public final class DynamoDbDeliveryLedger implements DeliveryLedger {

    public static final String PENDING_INDEX = "byPendingClaim";
    private static final String CLAIMED = "claimed";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Duration retention;

    public DynamoDbDeliveryLedger(DynamoDbClient dynamoDb, String tableName, Duration retention) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = retention;
    }

    @Override
    public boolean claimOnce(String postId, String subscriberId, Instant at) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(Map.of(
                            "postId", AttributeValue.fromS(postId),
                            "subscriberId", AttributeValue.fromS(subscriberId),
                            "state", AttributeValue.fromS(CLAIMED),
                            "claimedAt", AttributeValue.fromS(at.toString()),
                            "pendingClaim", AttributeValue.fromS(CLAIMED),
                            "pendingSince", AttributeValue.fromN(Long.toString(at.getEpochSecond())),
                            "expiresAt", AttributeValue.fromN(Long.toString(at.plus(retention).getEpochSecond()))))
                    .conditionExpression("attribute_not_exists(postId)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyClaimed) {
            return false;
        }
    }

    @Override
    public void markSent(String postId, String subscriberId, String messageId, Instant at) {
        finish(postId, subscriberId, "sent", "messageId", messageId, "sentAt", at);
    }

    @Override
    public void markRejected(String postId, String subscriberId, String reason, Instant at) {
        finish(postId, subscriberId, "rejected", "reason", reason == null ? "rejected" : reason, "rejectedAt", at);
    }

    private void finish(String postId, String subscriberId, String state, String detailName, String detail,
            String timeName, Instant at) {
        dynamoDb.updateItem(update -> update.tableName(tableName)
                .key(key(postId, subscriberId))
                .updateExpression("SET #state = :state, #detail = :detail, #time = :time REMOVE pendingClaim, pendingSince")
                .conditionExpression("attribute_exists(postId)")
                .expressionAttributeNames(Map.of("#state", "state", "#detail", detailName, "#time", timeName))
                .expressionAttributeValues(Map.of(
                        ":state", AttributeValue.fromS(state),
                        ":detail", AttributeValue.fromS(detail),
                        ":time", AttributeValue.fromS(at.toString()))));
    }

    @Override
    public void release(String postId, String subscriberId) {
        try {
            dynamoDb.deleteItem(delete -> delete.tableName(tableName)
                    .key(key(postId, subscriberId))
                    .conditionExpression("#state = :claimed")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":claimed", AttributeValue.fromS(CLAIMED))));
        } catch (ConditionalCheckFailedException finished) {
            // Already sent or rejected: nothing to give back.
        }
    }

    private static Map<String, AttributeValue> key(String postId, String subscriberId) {
        return Map.of("postId", AttributeValue.fromS(postId), "subscriberId", AttributeValue.fromS(subscriberId));
    }
}
