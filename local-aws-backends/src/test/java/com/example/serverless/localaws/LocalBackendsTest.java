package com.example.serverless.localaws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Each backend answers the real SDK client, over loopback, with the shared local credentials. */
class LocalBackendsTest {

    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LocalCredentials.ACCESS_KEY_ID, LocalCredentials.SECRET_ACCESS_KEY));

    @Test
    void dynamoDbLocalStoresItemsAndStreamsThem() throws Exception {
        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start();
                DynamoDbClient client = configure(DynamoDbClient.builder(), dynamoDb.endpoint()).build();
                DynamoDbStreamsClient streams = configure(DynamoDbStreamsClient.builder(), dynamoDb.endpoint()).build()) {
            String streamArn = client.createTable(table -> table.tableName("things")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build())
                    .streamSpecification(StreamSpecification.builder().streamEnabled(true)
                            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build()))
                    .tableDescription().latestStreamArn();

            client.putItem(put -> put.tableName("things").item(Map.of("id", AttributeValue.fromS("a"))));

            assertEquals("a", client.getItem(get -> get.tableName("things")
                    .key(Map.of("id", AttributeValue.fromS("a")))).item().get("id").s());
            String shardId = streams.describeStream(d -> d.streamArn(streamArn))
                    .streamDescription().shards().get(0).shardId();
            String iterator = streams.getShardIterator(i -> i.streamArn(streamArn).shardId(shardId)
                    .shardIteratorType("TRIM_HORIZON")).shardIterator();
            assertEquals("INSERT", streams.getRecords(r -> r.shardIterator(iterator)).records().get(0).eventNameAsString());
        }
    }

    @Test
    void elasticMqSendsAndReceives() {
        try (EmbeddedSqs sqs = EmbeddedSqs.start();
                SqsClient client = configure(SqsClient.builder(), sqs.endpoint()).build()) {
            String queueUrl = client.createQueue(q -> q.queueName("work")).queueUrl();
            client.sendMessage(m -> m.queueUrl(queueUrl).messageBody("hello"));

            assertEquals("hello", client.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1))
                    .messages().get(0).body());
        }
    }

    @Test
    void s3ProxyStoresObjects() {
        try (EmbeddedS3 s3 = EmbeddedS3.start();
                S3Client client = configure(S3Client.builder(), s3.endpoint()).forcePathStyle(true).build()) {
            client.createBucket(b -> b.bucket("pictures"));
            client.putObject(p -> p.bucket("pictures").key("a b/ü.txt"), RequestBody.fromString("content"));

            assertEquals("content", client.getObjectAsBytes(g -> g.bucket("pictures").key("a b/ü.txt")).asUtf8String());
            assertFalse(client.listObjectsV2(l -> l.bucket("pictures")).contents().isEmpty());
        }
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
            & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, ?>> B configure(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint)
                .region(Region.of(LocalCredentials.REGION))
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
    }
}
