package com.example.serverless.blogfanout.support;

import com.example.serverless.blog.subscriptions.Announcement;
import com.example.serverless.blog.subscriptions.AnnouncementMessages;
import com.example.serverless.blogfanout.config.FanOutConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Creates at test start-up the posts table (with its stream), the subscribers table (with the byStatus index, as in
 * infra/template.yaml) and the send queue, and reads back what the function enqueued.
 */
@ApplicationScoped
public class FanOutFixtures implements PostsTable {

    public static final String POSTS = "posts";

    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final FanOutConfig config;
    private String postsStreamArn;

    FanOutFixtures(DynamoDbClient dynamoDb, SqsClient sqs, FanOutConfig config) {
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.config = config;
    }

    void create(@Observes StartupEvent started) {
        String queueName = config.sendQueueUrl().substring(config.sendQueueUrl().lastIndexOf('/') + 1);
        sqs.createQueue(queue -> queue.queueName(queueName));
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
        } catch (ResourceInUseException alreadyThere) {
            postsStreamArn = dynamoDb.describeTable(d -> d.tableName(POSTS)).table().latestStreamArn();
        }
    }

    @Override
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

    public void setPostStatus(String postId, String status) {
        dynamoDb.updateItem(update -> update.tableName(POSTS)
                .key(Map.of("postId", AttributeValue.fromS(postId)))
                .updateExpression("SET #s = :s")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(status))));
    }

    public void putSubscriber(String subscriberId, String status) {
        dynamoDb.putItem(put -> put.tableName(config.subscribersTable()).item(Map.of(
                "subscriberId", AttributeValue.fromS(subscriberId),
                "email", AttributeValue.fromS(subscriberId + "@example.com"),
                "status", AttributeValue.fromS(status))));
    }

    /** Every announcement of this post now on the send queue, received and deleted (tests use their own post ids). */
    public List<Announcement> drainAnnouncementsOf(String postId) {
        List<Announcement> mine = new ArrayList<>();
        for (int emptyPolls = 0; emptyPolls < 2; ) {
            List<Message> messages = sqs.receiveMessage(receive -> receive.queueUrl(config.sendQueueUrl())
                    .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            emptyPolls = messages.isEmpty() ? emptyPolls + 1 : 0;
            for (Message message : messages) {
                Announcement announcement = AnnouncementMessages.read(message.body());
                if (announcement.postId().equals(postId)) {
                    mine.add(announcement);
                    sqs.deleteMessage(delete -> delete.queueUrl(config.sendQueueUrl()).receiptHandle(message.receiptHandle()));
                }
            }
        }
        return mine;
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
