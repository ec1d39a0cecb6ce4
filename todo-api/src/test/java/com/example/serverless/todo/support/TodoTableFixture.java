package com.example.serverless.todo.support;

import com.example.serverless.todo.config.TodoConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/** Creates, at test start-up, the table and bucket that infra/template.yaml declares, with the same keys. */
@ApplicationScoped
public class TodoTableFixture {

    void createTableAndBucket(@Observes StartupEvent started, DynamoDbClient dynamoDb, S3Client s3, TodoConfig config) {
        try {
            dynamoDb.createTable(table -> table.tableName(config.tableName())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(key("ownerId", KeyType.HASH), key("sk", KeyType.RANGE))
                    .attributeDefinitions(stringAttribute("ownerId"), stringAttribute("sk")));
        } catch (ResourceInUseException alreadyThere) {
            // A restarted test application finds the table it created before.
        }
        try {
            s3.createBucket(bucket -> bucket.bucket(config.attachmentsBucket()));
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            // as above
        }
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
