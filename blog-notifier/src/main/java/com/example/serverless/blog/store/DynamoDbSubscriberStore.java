package com.example.serverless.blog.store;

import com.example.serverless.blog.domain.Subscriber;
import com.example.serverless.blog.domain.SubscriberBatch;
import com.example.serverless.blog.domain.SubscriberStore;
import com.example.serverless.blog.subscriptions.SubscriberStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Subscribers keyed by {@code subscriberId}. A message's page is read with one consistent BatchGetItem (up to 100
 * keys), so a reader who unsubscribed a moment ago is seen as unsubscribed; keys DynamoDB leaves unprocessed (it may,
 * under load) are asked for again a few times before the message fails and is redelivered.
 */
public final class DynamoDbSubscriberStore implements SubscriberStore {

    private static final int BATCH_GET_ROUNDS = 5;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbSubscriberStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public SubscriberBatch find(List<String> subscriberIds) {
        Map<String, Map<String, AttributeValue>> rows = new HashMap<>();
        List<Map<String, AttributeValue>> keys = subscriberIds.stream().distinct()
                .map(id -> Map.of("subscriberId", AttributeValue.fromS(id))).toList();
        for (int round = 0; !keys.isEmpty(); round++) {
            if (round == BATCH_GET_ROUNDS) {
                throw new IllegalStateException(keys.size() + " subscribers still unread after " + round + " BatchGetItem rounds");
            }
            backOff(round);
            List<Map<String, AttributeValue>> wanted = keys;
            BatchGetItemResponse response = dynamoDb.batchGetItem(get -> get.requestItems(Map.of(tableName,
                    KeysAndAttributes.builder().keys(wanted).consistentRead(true).build())));
            response.responses().getOrDefault(tableName, List.of())
                    .forEach(item -> rows.put(item.get("subscriberId").s(), item));
            KeysAndAttributes unprocessed = response.unprocessedKeys().get(tableName);
            keys = unprocessed == null ? List.of() : unprocessed.keys();
        }
        List<Subscriber> found = new ArrayList<>();
        int skipped = 0;
        for (String id : subscriberIds) {
            Map<String, AttributeValue> row = rows.remove(id);
            if (row != null) {
                Optional<Subscriber> subscriber = SubscriberItems.subscriber(row);
                subscriber.ifPresent(found::add);
                skipped += subscriber.isPresent() ? 0 : 1;
            }
        }
        return new SubscriberBatch(found, skipped);
    }

    /** DynamoDB's advice for unprocessed keys: wait, exponentially longer, before asking again. */
    private static void backOff(int round) {
        if (round == 0) {
            return;
        }
        try {
            Thread.sleep(50L << round);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while backing off BatchGetItem", e);
        }
    }

    @Override
    public void recordRejection(String subscriberId, String reason, Instant at) {
        try {
            dynamoDb.updateItem(update -> update.tableName(tableName)
                    .key(Map.of("subscriberId", AttributeValue.fromS(subscriberId)))
                    .updateExpression("SET #status = :bounced, bounceReason = :reason, bouncedAt = :at")
                    .conditionExpression("#status = :confirmed")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":bounced", AttributeValue.fromS(SubscriberStatus.BOUNCED.wireName()),
                            ":confirmed", AttributeValue.fromS(SubscriberStatus.CONFIRMED.wireName()),
                            ":reason", AttributeValue.fromS(reason == null ? "rejected" : reason),
                            ":at", AttributeValue.fromS(at.toString()))));
        } catch (ConditionalCheckFailedException noLongerConfirmed) {
            // Unsubscribed (or removed) meanwhile: that status wins over the bounce.
        }
    }
}
