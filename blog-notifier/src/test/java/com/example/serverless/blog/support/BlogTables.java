package com.example.serverless.blog.support;

import com.example.serverless.blog.config.BlogConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Creates at test start-up the three tables of infra/template.yaml with the same keys, stream and index, and
 * writes items the way the blog and the subscription flow would.
 */
@ApplicationScoped
public class BlogTables {

    public static final String POSTS = "posts";

    private final DynamoDbClient dynamoDb;
    private final BlogConfig config;
    private String postsStreamArn;

    BlogTables(DynamoDbClient dynamoDb, BlogConfig config) {
        this.dynamoDb = dynamoDb;
        this.config = config;
    }

    void create(@Observes StartupEvent started) {
        try {
            postsStreamArn = dynamoDb.createTable(table -> table.tableName(POSTS)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(key("postId", KeyType.HASH))
                    .attributeDefinitions(string("postId"))
                    .streamSpecification(stream -> stream.streamEnabled(true)
                            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                    .tableDescription().latestStreamArn();
            dynamoDb.createTable(table -> table.tableName(config.subscribersTable())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(key("subscriberId", KeyType.HASH))
                    .attributeDefinitions(string("subscriberId"), string("status"))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                            .indexName("byStatus")
                            .keySchema(key("status", KeyType.HASH), key("subscriberId", KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("email", "tags"))
                            .build()));
            dynamoDb.createTable(table -> table.tableName(config.ledgerTable())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(key("postId", KeyType.HASH), key("subscriberId", KeyType.RANGE))
                    .attributeDefinitions(string("postId"), string("subscriberId")));
        } catch (ResourceInUseException alreadyThere) {
            postsStreamArn = dynamoDb.describeTable(d -> d.tableName(POSTS)).table().latestStreamArn();
        }
    }

    public String postsStreamArn() {
        return postsStreamArn;
    }

    public void putPost(String postId, String title, String status, Set<String> tags) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("postId", AttributeValue.fromS(postId));
        if (title != null) {
            item.put("title", AttributeValue.fromS(title));
        }
        item.put("summary", AttributeValue.fromS("What " + postId + " is about."));
        item.put("status", AttributeValue.fromS(status));
        if (!tags.isEmpty()) {
            item.put("tags", AttributeValue.fromSs(List.copyOf(tags)));
        }
        dynamoDb.putItem(put -> put.tableName(POSTS).item(item));
    }

    public void setPostAttribute(String postId, String name, String value) {
        dynamoDb.updateItem(update -> update.tableName(POSTS)
                .key(Map.of("postId", AttributeValue.fromS(postId)))
                .updateExpression("SET #n = :v")
                .expressionAttributeNames(Map.of("#n", name))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value))));
    }

    public void deletePost(String postId) {
        dynamoDb.deleteItem(delete -> delete.tableName(POSTS).key(Map.of("postId", AttributeValue.fromS(postId))));
    }

    /** A subscriber row; without {@code email} (null) as a row written by hand or by a broken client may be. */
    public void putSubscriber(String subscriberId, String email, String status, Set<String> tags) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("subscriberId", AttributeValue.fromS(subscriberId));
        if (email != null) {
            item.put("email", AttributeValue.fromS(email));
        }
        item.put("status", AttributeValue.fromS(status));
        if (!tags.isEmpty()) {
            item.put("tags", AttributeValue.fromSs(List.copyOf(tags)));
        }
        dynamoDb.putItem(put -> put.tableName(config.subscribersTable()).item(item));
    }

    public Map<String, AttributeValue> subscriber(String subscriberId) {
        return dynamoDb.getItem(get -> get.tableName(config.subscribersTable()).consistentRead(true)
                .key(Map.of("subscriberId", AttributeValue.fromS(subscriberId)))).item();
    }

    public Optional<Map<String, AttributeValue>> ledgerEntry(String postId, String subscriberId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(config.ledgerTable()).consistentRead(true)
                .key(Map.of("postId", AttributeValue.fromS(postId),
                        "subscriberId", AttributeValue.fromS(subscriberId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
