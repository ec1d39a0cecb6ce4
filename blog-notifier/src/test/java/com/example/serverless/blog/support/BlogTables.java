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
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates at test start-up the subscribers and ledger tables of infra/template.yaml with the same keys, and writes
 * subscriber items the way the subscription flow would.
 */
@ApplicationScoped
public class BlogTables {

    private final DynamoDbClient dynamoDb;
    private final BlogConfig config;

    BlogTables(DynamoDbClient dynamoDb, BlogConfig config) {
        this.dynamoDb = dynamoDb;
        this.config = config;
    }

    void create(@Observes StartupEvent started) {
        try {
            dynamoDb.createTable(table -> table.tableName(config.subscribersTable())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(key("subscriberId", KeyType.HASH))
                    .attributeDefinitions(string("subscriberId")));
            dynamoDb.createTable(table -> table.tableName(config.ledgerTable())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(key("postId", KeyType.HASH), key("subscriberId", KeyType.RANGE))
                    .attributeDefinitions(string("postId"), string("subscriberId")));
        } catch (ResourceInUseException alreadyThere) {
            // Another test class of the same application created them.
        }
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
