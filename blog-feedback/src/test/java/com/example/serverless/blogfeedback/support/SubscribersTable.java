package com.example.serverless.blogfeedback.support;

import com.example.serverless.blogfeedback.config.FeedbackConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The subscribers table as infra/template.yaml declares its key (the index does not matter here). */
@ApplicationScoped
public class SubscribersTable {

    private final DynamoDbClient dynamoDb;
    private final FeedbackConfig config;

    SubscribersTable(DynamoDbClient dynamoDb, FeedbackConfig config) {
        this.dynamoDb = dynamoDb;
        this.config = config;
    }

    void create(@Observes StartupEvent started) {
        try {
            dynamoDb.createTable(table -> table.tableName(config.subscribersTable())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(key -> key.attributeName("subscriberId").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("subscriberId").attributeType(ScalarAttributeType.S)));
        } catch (ResourceInUseException alreadyThere) {
            // A restarted test application finds the table it created before.
        }
    }

    public void put(String subscriberId, String email, String status) {
        dynamoDb.putItem(put -> put.tableName(config.subscribersTable()).item(Map.of(
                "subscriberId", AttributeValue.fromS(subscriberId),
                "email", AttributeValue.fromS(email),
                "status", AttributeValue.fromS(status))));
    }

    public Map<String, AttributeValue> get(String subscriberId) {
        return dynamoDb.getItem(get -> get.tableName(config.subscribersTable()).consistentRead(true)
                .key(Map.of("subscriberId", AttributeValue.fromS(subscriberId)))).item();
    }
}
