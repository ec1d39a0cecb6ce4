package com.example.serverless.todo.support;

import com.example.serverless.signing.SecretsManagerKeys;
import com.example.serverless.todo.config.TodoConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/**
 * Creates, at test start-up, the table, bucket and cursor-key secret that infra/template.yaml declares, with the same
 * keys (the secret: a random string, as the template's GenerateSecretString makes one).
 */
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
        try (SecretsManagerClient secretsManager = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            secretsManager.createSecret(secret -> secret.name(config.cursorKeysSecret()).secretString(SecretsManagerKeys.newKeyValue()));
        } catch (ResourceExistsException alreadyThere) {
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
