package com.example.serverless.metadata.support;

import com.example.serverless.metadata.config.MetadataConfig;
import com.example.serverless.metadata.store.DynamoDbMetadataIndex;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates, at test start-up, the metadata table as infra/template.yaml declares it: bucket (HASH), key (RANGE),
 * and the sparse ByContentType index (contentType, key) projecting everything.
 */
@ApplicationScoped
public class MetadataTableFixture {

    void createTable(@Observes StartupEvent started, DynamoDbClient dynamoDb, MetadataConfig config) {
        try {
            dynamoDb.createTable(table -> table.tableName(config.tableName())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(stringAttribute("bucket"), stringAttribute("key"),
                            stringAttribute("contentType"))
                    .keySchema(key("bucket", KeyType.HASH), key("key", KeyType.RANGE))
                    .globalSecondaryIndexes(index -> index.indexName(DynamoDbMetadataIndex.CONTENT_TYPE_INDEX)
                            .keySchema(key("contentType", KeyType.HASH), key("key", KeyType.RANGE))
                            .projection(projection -> projection.projectionType(ProjectionType.ALL))));
        } catch (ResourceInUseException alreadyThere) {
            // A restarted test application finds the table it created before.
        }
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
