package com.example.serverless.todo.store;

import static com.example.serverless.todo.store.TodoItems.CREATED;
import static com.example.serverless.todo.store.TodoItems.EXPIRES_AT;
import static com.example.serverless.todo.store.TodoItems.IDEMPOTENCY_PREFIX;
import static com.example.serverless.todo.store.TodoItems.OWNER_ID;
import static com.example.serverless.todo.store.TodoItems.REQUEST_HASH;
import static com.example.serverless.todo.store.TodoItems.SORT_KEY;
import static com.example.serverless.todo.store.TodoItems.STATUS;
import static com.example.serverless.todo.store.TodoItems.TODO_ID;
import static com.example.serverless.todo.store.TodoItems.TODO_PREFIX;
import static com.example.serverless.todo.store.TodoItems.VERSION;

import com.example.serverless.todo.domain.IdempotencyInProgressException;
import com.example.serverless.todo.domain.IdempotencyKey;
import com.example.serverless.todo.domain.Todo;
import com.example.serverless.todo.domain.TodoStatus;
import com.example.serverless.todo.domain.TodoStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** {@link TodoStore} on one DynamoDB table; see {@link TodoItems} for the key design. */
public class DynamoDbTodoStore implements TodoStore {

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final int maxItemsRead;

    public DynamoDbTodoStore(DynamoDbClient dynamoDb, String tableName, int maxItemsRead) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.maxItemsRead = maxItemsRead;
    }

    @Override
    public void insert(Todo todo) {
        // UUIDv7 ids do not collide in practice; the condition makes sure a collision could never overwrite.
        dynamoDb.putItem(put -> put.tableName(tableName)
                .item(TodoItems.toItem(todo))
                .conditionExpression("attribute_not_exists(" + SORT_KEY + ")"));
    }

    @Override
    public Optional<IdempotentCreate> insertOnce(Todo todo, IdempotencyKey key, String requestHash,
            Instant expiresAt) {
        Map<String, AttributeValue> record = new HashMap<>(TodoItems.key(todo.ownerId(), IDEMPOTENCY_PREFIX + key.value()));
        record.put(TODO_ID, AttributeValue.fromS(todo.id()));
        // The todo as created, so that a replay answers what the first request got, not the todo's later state.
        record.put(CREATED, AttributeValue.fromM(TodoItems.toItem(todo)));
        record.put(REQUEST_HASH, AttributeValue.fromS(requestHash));
        record.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
        // TTL deletes expired items lazily (up to days later), so an expired record counts as absent here.
        // "Now" is the new todo's creation time: the service's clock, not a second reading of the system's.
        TransactWriteItem claimKey = TransactWriteItem.builder().put(put -> put.tableName(tableName)
                .item(record)
                .conditionExpression("attribute_not_exists(" + SORT_KEY + ") OR " + EXPIRES_AT + " < :now")
                .expressionAttributeValues(Map.of(":now",
                        AttributeValue.fromN(Long.toString(todo.createdAt().getEpochSecond())))))
                .build();
        TransactWriteItem insertTodo = TransactWriteItem.builder().put(put -> put.tableName(tableName)
                .item(TodoItems.toItem(todo))
                .conditionExpression("attribute_not_exists(" + SORT_KEY + ")"))
                .build();
        try {
            dynamoDb.transactWriteItems(tx -> tx.transactItems(claimKey, insertTodo));
            return Optional.empty();
        } catch (TransactionCanceledException e) {
            Map<String, AttributeValue> earlier = dynamoDb.getItem(get -> get.tableName(tableName)
                    .key(TodoItems.key(todo.ownerId(), IDEMPOTENCY_PREFIX + key.value()))
                    .consistentRead(true)).item();
            if (earlier == null || earlier.isEmpty()) {
                // Cancelled without a committed record: a create with this key is in flight (TransactionConflict).
                throw new IdempotencyInProgressException();
            }
            // Records written before they kept the created todo (at most a day old) replay its current state.
            Todo created = earlier.containsKey(CREATED) ? TodoItems.fromItem(earlier.get(CREATED).m())
                    : find(todo.ownerId(), earlier.get(TODO_ID).s()).orElseThrow(() -> e);
            return Optional.of(new IdempotentCreate(created, earlier.get(REQUEST_HASH).s()));
        }
    }

    @Override
    public Optional<Todo> find(String ownerId, String todoId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(TodoItems.todoKey(ownerId, todoId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(TodoItems.fromItem(item));
    }

    /**
     * A status filter is applied after DynamoDB reads (and counts against {@code Limit}), so a page is filled by
     * querying on until it has {@code limit} todos, the owner has no more, or {@code maxItemsRead} items (or
     * {@code limit}, if more) were read:
     * then the page ends early and the cursor continues after the last item read (not the last one returned), so a
     * long run of non-matching todos costs one bounded request per page, never a scan of the whole partition.
     */
    @Override
    public StoredPage list(String ownerId, Optional<TodoStatus> status, int limit, Optional<String> afterTodoId) {
        List<Todo> todos = new ArrayList<>();
        Map<String, AttributeValue> startKey = afterTodoId.map(id -> TodoItems.todoKey(ownerId, id)).orElse(null);
        int budget = Math.max(limit, maxItemsRead);
        int read = 0;
        do {
            int wanted = Math.min(limit - todos.size(), budget - read);
            QueryResponse page = dynamoDb.query(query(ownerId, status, wanted, startKey));
            read += page.scannedCount();
            page.items().stream().map(TodoItems::fromItem).forEach(todos::add);
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null && todos.size() < limit && read < budget);
        Optional<String> lastRead = Optional.ofNullable(startKey)
                .map(key -> key.get(SORT_KEY).s().substring(TODO_PREFIX.length()));
        return new StoredPage(todos, lastRead);
    }

    private QueryRequest query(String ownerId, Optional<TodoStatus> status, int limit,
            Map<String, AttributeValue> startKey) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":owner", AttributeValue.fromS(ownerId));
        values.put(":todos", AttributeValue.fromS(TODO_PREFIX));
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression(OWNER_ID + " = :owner AND begins_with(" + SORT_KEY + ", :todos)")
                .consistentRead(true)
                .limit(limit)
                .exclusiveStartKey(startKey);
        status.ifPresent(s -> {
            values.put(":status", AttributeValue.fromS(s.name()));
            query.filterExpression("#status = :status").expressionAttributeNames(Map.of("#status", STATUS));
        });
        return query.expressionAttributeValues(values).build();
    }

    @Override
    public void replaceIfVersion(Todo next) throws StaleVersionException {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(TodoItems.toItem(next))
                    .conditionExpression("#version = :expected")
                    .expressionAttributeNames(Map.of("#version", VERSION))
                    .expressionAttributeValues(Map.of(":expected",
                            AttributeValue.fromN(Long.toString(next.version() - 1)))));
        } catch (ConditionalCheckFailedException e) {
            throw new StaleVersionException(next.id());
        }
    }

    @Override
    public void delete(String ownerId, String todoId) {
        dynamoDb.deleteItem(delete -> delete.tableName(tableName).key(TodoItems.todoKey(ownerId, todoId)));
    }
}
