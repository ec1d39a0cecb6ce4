package com.example.serverless.blog.store;

import com.example.serverless.blog.domain.Subscriber;
import com.example.serverless.blog.domain.SubscriberPage;
import com.example.serverless.blog.subscriptions.SubscriberStatus;
import com.example.serverless.blog.domain.SubscriberStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Subscribers keyed by {@code subscriberId}, with the global secondary index {@value #STATUS_INDEX} (hash
 * {@code status}, range {@code subscriberId}, projecting {@code email} and {@code tags}). Announcing a post
 * queries that index for {@code status = confirmed}: it reads only confirmed subscribers, in id order, a page at
 * a time, where a Scan would read (and pay for) every unsubscribed and bounced one too and filter afterwards.
 * The index is eventually consistent: someone who unsubscribed a second ago may still get this one post.
 */
public final class DynamoDbSubscriberStore implements SubscriberStore {

    public static final String STATUS_INDEX = "byStatus";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbSubscriberStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public SubscriberPage confirmed(Optional<String> afterSubscriberId, int limit) {
        String confirmed = SubscriberStatus.CONFIRMED.wireName();
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(tableName)
                .indexName(STATUS_INDEX)
                .keyConditionExpression("#status = :status")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":status", AttributeValue.fromS(confirmed)))
                .limit(limit);
        afterSubscriberId.ifPresent(after -> query.exclusiveStartKey(Map.of(
                "status", AttributeValue.fromS(confirmed),
                "subscriberId", AttributeValue.fromS(after))));
        QueryResponse response = dynamoDb.query(query.build());
        List<Subscriber> subscribers = response.items().stream()
                .flatMap(item -> SubscriberItems.subscriber(item).stream())
                .toList();
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(response.lastEvaluatedKey().get("subscriberId").s())
                : Optional.empty();
        return new SubscriberPage(subscribers, response.items().size() - subscribers.size(), next);
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
