package com.example.serverless.metadata.store;

import static com.example.serverless.metadata.store.MetadataItems.BUCKET;
import static com.example.serverless.metadata.store.MetadataItems.CONTENT_TYPE;
import static com.example.serverless.metadata.store.MetadataItems.DELETED_AT;
import static com.example.serverless.metadata.store.MetadataItems.KEY;
import static com.example.serverless.metadata.store.MetadataItems.SEQUENCER;

import com.example.serverless.metadata.domain.IndexEntry;
import com.example.serverless.metadata.domain.IndexedObject;
import com.example.serverless.metadata.domain.MetadataIndex;
import com.example.serverless.metadata.domain.WriteResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The index in one DynamoDB table: partition key {@code bucket}, sort key {@code key}, so that a prefix listing
 * is a Query with {@code begins_with}; a global secondary index {@value #CONTENT_TYPE_INDEX} (contentType, key)
 * finds objects by content type.
 */
public class DynamoDbMetadataIndex implements MetadataIndex {

    public static final String CONTENT_TYPE_INDEX = "ByContentType";

    // Stored sequencers all have the same width, so DynamoDB's string "<" is the sequencer order.
    private static final String NEWER_THAN_STORED = "attribute_not_exists(#bucket) OR #sequencer < :sequencer";
    private static final String NOT_A_TOMBSTONE = "attribute_not_exists(#deletedAt)";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbMetadataIndex(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public WriteResult putIfNewer(IndexEntry entry) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(MetadataItems.toItem(entry))
                    .conditionExpression(NEWER_THAN_STORED)
                    .expressionAttributeNames(Map.of("#bucket", BUCKET, "#sequencer", SEQUENCER))
                    .expressionAttributeValues(Map.of(":sequencer", AttributeValue.fromS(entry.sequencer().padded())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return WriteResult.WRITTEN;
        } catch (ConditionalCheckFailedException notNewer) {
            // The item is what tells a redelivery from a late event; without it (never seen) say stale.
            boolean same = notNewer.hasItem() && MetadataItems.sequencerOf(notNewer.item()).equals(entry.sequencer());
            return same ? WriteResult.DUPLICATE : WriteResult.STALE;
        } catch (SdkException e) {
            throw AwsFailures.classify(e, "PutItem");
        }
    }

    @Override
    public Optional<IndexEntry> find(String bucket, String key) {
        try {
            Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                    .key(MetadataItems.key(bucket, key))
                    .consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(MetadataItems.fromItem(item));
        } catch (SdkException e) {
            throw AwsFailures.classify(e, "GetItem");
        }
    }

    @Override
    public List<IndexedObject> listByPrefix(String bucket, String prefix, int limit) {
        Map<String, String> names = new HashMap<>(Map.of("#bucket", BUCKET, "#deletedAt", DELETED_AT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":bucket", AttributeValue.fromS(bucket)));
        String keyCondition = "#bucket = :bucket";
        if (!prefix.isEmpty()) {
            keyCondition += " AND begins_with(#key, :prefix)";
            names.put("#key", KEY);
            values.put(":prefix", AttributeValue.fromS(prefix));
        }
        return query(QueryRequest.builder().tableName(tableName)
                .keyConditionExpression(keyCondition)
                // Tombstones share the key range; they are filtered out here and expire through TTL.
                .filterExpression(NOT_A_TOMBSTONE)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values), limit);
    }

    @Override
    public List<IndexedObject> findByContentType(String contentType, int limit) {
        // The index is sparse: only objects have a contentType, so no tombstone can appear here.
        return query(QueryRequest.builder().tableName(tableName)
                .indexName(CONTENT_TYPE_INDEX)
                .keyConditionExpression("#contentType = :contentType")
                .expressionAttributeNames(Map.of("#contentType", CONTENT_TYPE))
                .expressionAttributeValues(Map.of(":contentType", AttributeValue.fromS(contentType))), limit);
    }

    /** Follows pages until {@code limit} objects are collected: a filter may leave a page short or empty. */
    private List<IndexedObject> query(QueryRequest.Builder request, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        List<IndexedObject> objects = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        try {
            do {
                QueryResponse page = dynamoDb.query(request.exclusiveStartKey(startKey)
                        .limit(limit - objects.size()).build());
                for (Map<String, AttributeValue> item : page.items()) {
                    if (MetadataItems.fromItem(item) instanceof IndexedObject object) {
                        objects.add(object);
                    }
                }
                startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            } while (startKey != null && objects.size() < limit);
        } catch (SdkException e) {
            throw AwsFailures.classify(e, "Query");
        }
        return objects;
    }
}
