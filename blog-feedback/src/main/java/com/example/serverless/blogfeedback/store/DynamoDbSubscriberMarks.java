package com.example.serverless.blogfeedback.store;

import com.example.serverless.blog.subscriptions.SubscriberStatus;
import com.example.serverless.blogfeedback.domain.SubscriberMarks;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** One conditional UpdateItem per mark: only a confirmed or pending subscriber changes, so a redelivery is harmless. */
public final class DynamoDbSubscriberMarks implements SubscriberMarks {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbSubscriberMarks(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean markBounced(String subscriberId, String reason, Instant at) {
        return mark(subscriberId, SubscriberStatus.BOUNCED, "SET #status = :to, bounceReason = :reason, bouncedAt = :at",
                Map.of(":reason", AttributeValue.fromS(reason)), at);
    }

    @Override
    public boolean markComplained(String subscriberId, Instant at) {
        return mark(subscriberId, SubscriberStatus.COMPLAINED, "SET #status = :to, complainedAt = :at", Map.of(), at);
    }

    private boolean mark(String subscriberId, SubscriberStatus to, String update, Map<String, AttributeValue> extra,
            Instant at) {
        Map<String, AttributeValue> values = new HashMap<>(extra);
        values.put(":to", AttributeValue.fromS(to.wireName()));
        values.put(":at", AttributeValue.fromS(at.toString()));
        values.put(":confirmed", AttributeValue.fromS(SubscriberStatus.CONFIRMED.wireName()));
        values.put(":pending", AttributeValue.fromS(SubscriberStatus.PENDING.wireName()));
        try {
            dynamoDb.updateItem(b -> b.tableName(tableName)
                    .key(Map.of("subscriberId", AttributeValue.fromS(subscriberId)))
                    .updateExpression(update)
                    .conditionExpression("#status IN (:confirmed, :pending)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException notActive) {
            // Unknown, unsubscribed, or marked before (a redelivery): nothing to change.
            return false;
        }
    }
}
