package com.example.serverless.blogapi.store;

import com.example.serverless.blogapi.domain.BadCursorException;
import com.example.serverless.blogapi.domain.Post;
import com.example.serverless.blogapi.domain.PostConflictException;
import com.example.serverless.blogapi.domain.PostPage;
import com.example.serverless.blogapi.domain.PostStatus;
import com.example.serverless.blogapi.domain.PostStore;
import com.example.serverless.blogapi.domain.PreconditionFailedException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Posts in the posts table, one item per post keyed by {@code postId} (the slug). Published posts are listed from the
 * {@code byPublication} index (status, publishedAt), newest first. A list cursor is the last item's index key, base64url:
 * it only names a position in a public list, so it is validated, not signed.
 */
public final class DynamoDbPostStore implements PostStore {

    static final String PUBLICATION_INDEX = "byPublication";
    private static final Base64.Encoder CURSOR_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbPostStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public PostPage published(int limit, Optional<String> after) {
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(tableName)
                .indexName(PUBLICATION_INDEX)
                .keyConditionExpression("#status = :published")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":published", AttributeValue.fromS(PostStatus.PUBLISHED.name())))
                .scanIndexForward(false)
                .limit(limit);
        after.map(DynamoDbPostStore::startKey).ifPresent(query::exclusiveStartKey);
        QueryResponse page = dynamoDb.query(query.build());
        List<Post> posts = page.items().stream().map(DynamoDbPostStore::listed).toList();
        Optional<String> next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? Optional.of(cursor(page.lastEvaluatedKey())) : Optional.empty();
        return new PostPage(posts, next);
    }

    @Override
    public Optional<Post> find(String slug) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(Map.of("postId", AttributeValue.fromS(slug))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(post(item));
    }

    @Override
    public void create(Post post) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName).item(item(post))
                    .conditionExpression("attribute_not_exists(postId)"));
        } catch (ConditionalCheckFailedException taken) {
            throw new PostConflictException("The slug " + post.slug() + " is taken");
        }
    }

    @Override
    public void replace(Post post, long expectedVersion) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName).item(item(post))
                    .conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion)))));
        } catch (ConditionalCheckFailedException changed) {
            throw new PreconditionFailedException("The post changed while it was being written");
        }
    }

    private static Map<String, AttributeValue> item(Post post) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("postId", AttributeValue.fromS(post.slug()));
        item.put("title", AttributeValue.fromS(post.title()));
        item.put("summary", AttributeValue.fromS(post.summary()));
        item.put("body", AttributeValue.fromS(post.body()));
        if (!post.tags().isEmpty()) {
            item.put("tags", AttributeValue.fromSs(List.copyOf(post.tags())));
        }
        item.put("status", AttributeValue.fromS(post.status().name()));
        item.put("author", AttributeValue.fromS(post.author()));
        post.publishedAt().ifPresent(at -> item.put("publishedAt", AttributeValue.fromS(at.toString())));
        item.put("version", AttributeValue.fromN(Long.toString(post.version())));
        return item;
    }

    private static Post post(Map<String, AttributeValue> item) {
        return new Post(item.get("postId").s(), text(item, "title"), text(item, "summary"), text(item, "body"), tags(item),
                PostStatus.valueOf(text(item, "status")), text(item, "author"),
                Optional.ofNullable(item.get("publishedAt")).map(at -> Instant.parse(at.s())),
                item.containsKey("version") ? Long.parseLong(item.get("version").n()) : 1);
    }

    /** What the index holds of a post: enough for the list (no body). */
    private static Post listed(Map<String, AttributeValue> item) {
        return new Post(item.get("postId").s(), text(item, "title"), text(item, "summary"), "", tags(item),
                PostStatus.PUBLISHED, "", Optional.of(Instant.parse(item.get("publishedAt").s())), 0);
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    private static Set<String> tags(Map<String, AttributeValue> item) {
        AttributeValue tags = item.get("tags");
        return tags == null ? Set.of() : Set.copyOf(tags.ss());
    }

    private static String cursor(Map<String, AttributeValue> lastKey) {
        String key = lastKey.get("publishedAt").s() + "\n" + lastKey.get("postId").s();
        return CURSOR_ENCODER.encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> startKey(String cursor) {
        try {
            String[] key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (key.length != 2 || key[1].isEmpty()) {
                throw new BadCursorException("Not a cursor this API returned");
            }
            Instant.parse(key[0]);
            return Map.of("status", AttributeValue.fromS(PostStatus.PUBLISHED.name()),
                    "publishedAt", AttributeValue.fromS(key[0]), "postId", AttributeValue.fromS(key[1]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BadCursorException("Not a cursor this API returned");
        }
    }
}
