package com.example.serverless.todo.store;

import com.example.serverless.todo.domain.Attachment;
import com.example.serverless.todo.domain.Todo;
import com.example.serverless.todo.domain.TodoFields;
import com.example.serverless.todo.domain.TodoStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table's item shapes. Partition key {@code ownerId}, sort key {@code sk}: {@code todo#<uuidv7>} for a
 * todo (so a Query lists one owner's todos in creation order) and {@code idem#<key>} for an idempotency
 * record (expired by the table's TTL on {@code expiresAt}).
 */
final class TodoItems {

    static final String OWNER_ID = "ownerId";
    static final String SORT_KEY = "sk";
    static final String TODO_PREFIX = "todo#";
    static final String IDEMPOTENCY_PREFIX = "idem#";
    static final String VERSION = "version";
    static final String STATUS = "status";
    static final String EXPIRES_AT = "expiresAt";
    static final String REQUEST_HASH = "requestHash";
    static final String TODO_ID = "todoId";
    static final String CREATED = "created";

    private TodoItems() {
    }

    static Map<String, AttributeValue> key(String ownerId, String sortKey) {
        return Map.of(OWNER_ID, AttributeValue.fromS(ownerId), SORT_KEY, AttributeValue.fromS(sortKey));
    }

    static Map<String, AttributeValue> todoKey(String ownerId, String todoId) {
        return key(ownerId, TODO_PREFIX + todoId);
    }

    static Map<String, AttributeValue> toItem(Todo todo) {
        Map<String, AttributeValue> item = new HashMap<>(todoKey(todo.ownerId(), todo.id()));
        item.put(TODO_ID, AttributeValue.fromS(todo.id()));
        item.put("title", AttributeValue.fromS(todo.title()));
        todo.description().ifPresent(d -> item.put("description", AttributeValue.fromS(d)));
        todo.dueDate().ifPresent(d -> item.put("dueDate", AttributeValue.fromS(d.toString())));
        item.put("tags", AttributeValue.fromL(todo.tags().stream().map(AttributeValue::fromS).toList()));
        item.put(STATUS, AttributeValue.fromS(todo.status().name()));
        item.put(VERSION, AttributeValue.fromN(Long.toString(todo.version())));
        item.put("createdAt", AttributeValue.fromS(todo.createdAt().toString()));
        item.put("updatedAt", AttributeValue.fromS(todo.updatedAt().toString()));
        item.put("attachments", AttributeValue.fromL(todo.attachments().stream().map(TodoItems::toMap).toList()));
        return item;
    }

    static Todo fromItem(Map<String, AttributeValue> item) {
        TodoFields fields = new TodoFields(
                item.get("title").s(),
                stringOrNull(item, "description"),
                item.containsKey("dueDate") ? LocalDate.parse(item.get("dueDate").s()) : null,
                item.get("tags").l().stream().map(AttributeValue::s).toList(),
                TodoStatus.valueOf(item.get(STATUS).s()));
        return new Todo(
                item.get(TODO_ID).s(),
                item.get(OWNER_ID).s(),
                fields,
                Long.parseLong(item.get(VERSION).n()),
                Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("updatedAt").s()),
                item.get("attachments").l().stream().map(a -> fromMap(a.m())).toList());
    }

    private static AttributeValue toMap(Attachment attachment) {
        return AttributeValue.fromM(Map.of(
                "id", AttributeValue.fromS(attachment.id()),
                "key", AttributeValue.fromS(attachment.key()),
                "fileName", AttributeValue.fromS(attachment.fileName()),
                "contentType", AttributeValue.fromS(attachment.contentType()),
                "size", AttributeValue.fromN(Long.toString(attachment.size()))));
    }

    private static Attachment fromMap(Map<String, AttributeValue> map) {
        return new Attachment(map.get("id").s(), map.get("key").s(), map.get("fileName").s(),
                map.get("contentType").s(), Long.parseLong(map.get("size").n()));
    }

    private static String stringOrNull(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

}
