package com.example.serverless.reminders.store;

import com.example.serverless.reminders.domain.DuePage;
import com.example.serverless.reminders.domain.DueTodo;
import com.example.serverless.reminders.domain.DueTodos;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The todos table (todo-api's items) through its {@code byDueDate} index: hash {@code dueDate} (the ISO date todo-api
 * writes), range {@code todoId}, projecting {@code title} and {@code status} besides the table's keys ({@code ownerId},
 * {@code sk}). Only todo items carry a {@code dueDate}, so the index holds nothing else. This is the job's own minimal
 * reading of todo-api's item shape; it writes nothing there.
 */
public final class DynamoDbDueTodos implements DueTodos {

    static final String DUE_DATE = "dueDate";
    static final String TODO_ID = "todoId";
    static final String OWNER_ID = "ownerId";
    static final String SORT_KEY = "sk";
    /** A character no key holds (they are Cognito subs, UUIDs and {@code todo#<uuid>}): separates the cursor's parts. */
    private static final String SEPARATOR = "\u001f";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final String indexName;

    public DynamoDbDueTodos(DynamoDbClient dynamoDb, String tableName, String indexName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.indexName = indexName;
    }

    @Override
    public DuePage dueOn(LocalDate date, Optional<String> after, int pageSize) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(tableName).indexName(indexName)
                .keyConditionExpression("#due = :due")
                .expressionAttributeNames(Map.of("#due", DUE_DATE))
                .expressionAttributeValues(Map.of(":due", AttributeValue.fromS(date.toString())))
                .limit(pageSize);
        after.ifPresent(cursor -> query.exclusiveStartKey(startKey(date, cursor)));
        QueryResponse response = dynamoDb.query(query.build());
        List<DueTodo> todos = new ArrayList<>();
        int unreadable = 0;
        for (Map<String, AttributeValue> item : response.items()) {
            Optional<DueTodo> todo = fromItem(date, item);
            if (todo.isPresent()) {
                todos.add(todo.get());
            } else {
                unreadable++;
            }
        }
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(cursor(response.lastEvaluatedKey()))
                : Optional.empty();
        return new DuePage(todos, unreadable, next);
    }

    static Optional<DueTodo> fromItem(LocalDate date, Map<String, AttributeValue> item) {
        String todoId = string(item, TODO_ID);
        String ownerId = string(item, OWNER_ID);
        if (todoId == null || ownerId == null) {
            return Optional.empty();
        }
        return Optional.of(new DueTodo(ownerId, todoId, date, Optional.ofNullable(string(item, "title")),
                "DONE".equals(string(item, "status"))));
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** The index's LastEvaluatedKey (its keys and the table's) as an opaque cursor, without the date the query names. */
    private static String cursor(Map<String, AttributeValue> lastEvaluated) {
        return String.join(SEPARATOR, string(lastEvaluated, TODO_ID), string(lastEvaluated, OWNER_ID),
                string(lastEvaluated, SORT_KEY));
    }

    private static Map<String, AttributeValue> startKey(LocalDate date, String cursor) {
        String[] parts = cursor.split(SEPARATOR, -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a cursor of this store: " + cursor);
        }
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(DUE_DATE, AttributeValue.fromS(date.toString()));
        key.put(TODO_ID, AttributeValue.fromS(parts[0]));
        key.put(OWNER_ID, AttributeValue.fromS(parts[1]));
        key.put(SORT_KEY, AttributeValue.fromS(parts[2]));
        return key;
    }
}
