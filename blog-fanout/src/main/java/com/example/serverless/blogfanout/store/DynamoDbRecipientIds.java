package com.example.serverless.blogfanout.store;

import com.example.serverless.blog.subscriptions.SubscriberStatus;
import com.example.serverless.blogfanout.domain.RecipientIds;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Confirmed subscriber ids from the subscribers table's {@value #STATUS_INDEX} index (hash {@code status}, range
 * {@code subscriberId}): a Query reads only confirmed rows, in id order, and projects the id alone.
 */
public final class DynamoDbRecipientIds implements RecipientIds {

    public static final String STATUS_INDEX = "byStatus";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbRecipientIds(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public IdPage confirmed(Optional<String> afterSubscriberId, int limit) {
        String confirmed = SubscriberStatus.CONFIRMED.wireName();
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(tableName)
                .indexName(STATUS_INDEX)
                .keyConditionExpression("#status = :status")
                .projectionExpression("subscriberId")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":status", AttributeValue.fromS(confirmed)))
                .limit(limit);
        afterSubscriberId.ifPresent(after -> query.exclusiveStartKey(Map.of(
                "status", AttributeValue.fromS(confirmed),
                "subscriberId", AttributeValue.fromS(after))));
        QueryResponse response = dynamoDb.query(query.build());
        List<String> ids = response.items().stream()
                .map(item -> item.get("subscriberId"))
                .filter(id -> id != null && id.s() != null && !id.s().isBlank())
                .map(AttributeValue::s)
                .toList();
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(response.lastEvaluatedKey().get("subscriberId").s())
                : Optional.empty();
        return new IdPage(ids, next);
    }
}
