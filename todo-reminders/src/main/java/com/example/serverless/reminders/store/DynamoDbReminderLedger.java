package com.example.serverless.reminders.store;

import com.example.serverless.reminders.domain.ReminderKey;
import com.example.serverless.reminders.domain.ReminderLedger;
import com.example.serverless.reminders.domain.SkipReason;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The reminder ledger: hash {@code todoId}, range {@code dueDate}, a {@code state} of claimed, sent or skipped, and
 * {@code expiresAt} (epoch seconds, the table's TTL attribute). A todo is seen on the day before its due date and on the
 * day itself, so a short retention covers every sighting. Only PutItem and DeleteItem, each conditional: a claim is a put
 * where none exists, a finish replaces a claimed entry, a release deletes a claimed entry.
 */
public final class DynamoDbReminderLedger implements ReminderLedger {

    private static final String TODO_ID = "todoId";
    private static final String DUE_DATE = "dueDate";
    private static final String CLAIMED = "claimed";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Duration retention;

    public DynamoDbReminderLedger(DynamoDbClient dynamoDb, String tableName, Duration retention) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = retention;
    }

    @Override
    public boolean claimOnce(ReminderKey key, Instant at) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(entry(key, CLAIMED, at, Map.of("claimedAt", AttributeValue.fromS(at.toString()))))
                    .conditionExpression("attribute_not_exists(todoId)"));
            return true;
        } catch (ConditionalCheckFailedException claimedBefore) {
            return false;
        }
    }

    @Override
    public void markSent(ReminderKey key, String messageId, Instant at) {
        finish(key, "sent", at, Map.of("messageId", AttributeValue.fromS(messageId),
                "sentAt", AttributeValue.fromS(at.toString())));
    }

    @Override
    public void markSkipped(ReminderKey key, SkipReason reason, Instant at) {
        finish(key, "skipped", at, Map.of("reason", AttributeValue.fromS(reason.name()),
                "skippedAt", AttributeValue.fromS(at.toString())));
    }

    /** Replaces this run's claim; the condition keeps a finish from resurrecting an entry that expired meanwhile. */
    private void finish(ReminderKey key, String state, Instant at, Map<String, AttributeValue> details) {
        dynamoDb.putItem(put -> put.tableName(tableName)
                .item(entry(key, state, at, details))
                .conditionExpression("#state = :claimed")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":claimed", AttributeValue.fromS(CLAIMED))));
    }

    @Override
    public void release(ReminderKey key) {
        try {
            dynamoDb.deleteItem(delete -> delete.tableName(tableName)
                    .key(Map.of(TODO_ID, AttributeValue.fromS(key.todoId()), DUE_DATE, AttributeValue.fromS(key.dueDate().toString())))
                    .conditionExpression("#state = :claimed")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":claimed", AttributeValue.fromS(CLAIMED))));
        } catch (ConditionalCheckFailedException finished) {
            // Already sent or skipped: nothing to give back.
        }
    }

    private Map<String, AttributeValue> entry(ReminderKey key, String state, Instant at, Map<String, AttributeValue> details) {
        Map<String, AttributeValue> item = new HashMap<>(details);
        item.put(TODO_ID, AttributeValue.fromS(key.todoId()));
        item.put(DUE_DATE, AttributeValue.fromS(key.dueDate().toString()));
        item.put("state", AttributeValue.fromS(state));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(at.plus(retention).getEpochSecond())));
        return item;
    }
}
