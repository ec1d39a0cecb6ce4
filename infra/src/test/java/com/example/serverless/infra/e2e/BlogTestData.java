package com.example.serverless.infra.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The posts and subscribers a blog test class writes, and on {@link #close()} all of it again (ledger entries too). */
final class BlogTestData implements AutoCloseable {

    private final E2eStack.Stack stack;
    private final DynamoDbClient dynamoDb;
    private final List<String> posts = new ArrayList<>();
    private final List<String> subscriberEmails = new ArrayList<>();

    BlogTestData(E2eStack.Stack stack) {
        this.stack = stack;
        this.dynamoDb = stack.clients().configure(DynamoDbClient.builder());
    }

    /** A post this class creates, by its slug. */
    String post(String slug) {
        posts.add(slug);
        return slug;
    }

    /** An address this class subscribes. */
    String subscriber(String email) {
        subscriberEmails.add(email);
        return email;
    }

    @Override
    public void close() {
        String ledger = stack.outputs().get("EmailLedgerTableName");
        String subscribers = stack.outputs().get("SubscribersTableName");
        for (String slug : posts) {
            dynamoDb.deleteItem(b -> b.tableName(stack.outputs().get("PostsTableName")).key(Map.of("postId", s(slug))));
            dynamoDb.queryPaginator(b -> b.tableName(ledger).keyConditionExpression("postId = :post")
                            .expressionAttributeValues(Map.of(":post", s(slug))))
                    .items().forEach(item -> dynamoDb.deleteItem(b -> b.tableName(ledger)
                            .key(Map.of("postId", item.get("postId"), "subscriberId", item.get("subscriberId")))));
        }
        for (String email : subscriberEmails) {
            dynamoDb.scanPaginator(b -> b.tableName(subscribers).filterExpression("email = :email")
                            .expressionAttributeValues(Map.of(":email", s(email))))
                    .items().forEach(item -> dynamoDb.deleteItem(b -> b.tableName(subscribers)
                            .key(Map.of("subscriberId", item.get("subscriberId")))));
        }
        dynamoDb.close();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
