package com.example.serverless.blogapi.support;

import com.example.serverless.blogapi.config.BlogApiConfig;
import com.example.serverless.signing.SecretsManagerKeys;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
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
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Creates, at test start-up, what infra/template.yaml declares for blog-api, with the same keys and indexes: the
 * posts and subscribers tables, the link-key secret (a random value), and the sender as a verified SES identity.
 * Reads and writes items as the tests need them.
 */
@ApplicationScoped
public class BlogApiFixture {

    private final DynamoDbClient dynamoDb;
    private final BlogApiConfig config;

    BlogApiFixture(DynamoDbClient dynamoDb, BlogApiConfig config) {
        this.dynamoDb = dynamoDb;
        this.config = config;
    }

    void create(@Observes StartupEvent started, SesV2Client ses) {
        try {
            dynamoDb.createTable(table -> table.tableName(config.postsTable())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(key("postId", KeyType.HASH))
                    .attributeDefinitions(string("postId"), string("status"), string("publishedAt"))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                            .indexName("byPublication")
                            .keySchema(key("status", KeyType.HASH), key("publishedAt", KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("title", "summary", "tags"))
                            .build()));
            dynamoDb.createTable(table -> table.tableName(config.subscribersTable())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(key("subscriberId", KeyType.HASH))
                    .attributeDefinitions(string("subscriberId"), string("status"))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                            .indexName("byStatus")
                            .keySchema(key("status", KeyType.HASH), key("subscriberId", KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("email", "tags"))
                            .build()));
        } catch (ResourceInUseException alreadyThere) {
            // A restarted test application finds the tables it created before.
        }
        try (SecretsManagerClient secretsManager = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            secretsManager.createSecret(secret -> secret.name(config.linkKeysSecret())
                    .secretString(SecretsManagerKeys.newKeyValue()));
        } catch (ResourceExistsException alreadyThere) {
            // as above
        }
        ses.createEmailIdentity(identity -> identity.emailIdentity(config.senderEmail()));
    }

    /** A post as an author's writes leave it; {@code publishedAt} empty for a draft. */
    public void putPost(String slug, String title, Optional<Instant> publishedAt, Set<String> tags) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("postId", AttributeValue.fromS(slug));
        item.put("title", AttributeValue.fromS(title));
        item.put("summary", AttributeValue.fromS("About " + title));
        item.put("body", AttributeValue.fromS("<p>" + title + "</p>"));
        item.put("status", AttributeValue.fromS(publishedAt.isPresent() ? "PUBLISHED" : "DRAFT"));
        item.put("author", AttributeValue.fromS("00000000-0000-4000-8000-000000000001"));
        item.put("version", AttributeValue.fromN("1"));
        publishedAt.ifPresent(at -> item.put("publishedAt", AttributeValue.fromS(at.toString())));
        if (!tags.isEmpty()) {
            item.put("tags", AttributeValue.fromSs(List.copyOf(tags)));
        }
        dynamoDb.putItem(put -> put.tableName(config.postsTable()).item(item));
    }

    public Map<String, AttributeValue> post(String slug) {
        return dynamoDb.getItem(get -> get.tableName(config.postsTable()).consistentRead(true)
                .key(Map.of("postId", AttributeValue.fromS(slug)))).item();
    }

    public void putSubscriber(String subscriberId, String email, String status) {
        dynamoDb.putItem(put -> put.tableName(config.subscribersTable()).item(Map.of(
                "subscriberId", AttributeValue.fromS(subscriberId),
                "email", AttributeValue.fromS(email),
                "status", AttributeValue.fromS(status))));
    }

    public Map<String, AttributeValue> subscriber(String subscriberId) {
        return dynamoDb.getItem(get -> get.tableName(config.subscribersTable()).consistentRead(true)
                .key(Map.of("subscriberId", AttributeValue.fromS(subscriberId)))).item();
    }

    /** Every subscriber row whose address is this one (the id is the API's business). */
    public List<Map<String, AttributeValue>> subscribersWithEmail(String email) {
        return dynamoDb.scan(scan -> scan.tableName(config.subscribersTable()).consistentRead(true)
                .filterExpression("email = :email")
                .expressionAttributeValues(Map.of(":email", AttributeValue.fromS(email)))).items();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
