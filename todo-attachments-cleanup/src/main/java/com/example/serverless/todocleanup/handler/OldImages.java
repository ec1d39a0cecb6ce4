package com.example.serverless.todocleanup.handler;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.example.serverless.todocleanup.domain.RemovedTodo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the todos table's stream records (the todo API's item shape, see todo-api's TodoItems): a todo is
 * {@code ownerId}, {@code sk = todo#<id>} and {@code attachments}, a list of maps with a {@code key} each. Other items
 * of the table (idempotency records, {@code idem#...}) and other events are not removed todos.
 */
final class OldImages {

    static final String TODO_PREFIX = "todo#";

    private OldImages() {
    }

    static Optional<RemovedTodo> removedTodo(DynamodbStreamRecord record) {
        if (!"REMOVE".equals(record.getEventName())) {
            return Optional.empty();
        }
        Map<String, AttributeValue> old = record.getDynamodb().getOldImage();
        String sortKey = old == null ? null : text(old.get("sk"));
        if (sortKey == null || !sortKey.startsWith(TODO_PREFIX)) {
            return Optional.empty();
        }
        AttributeValue attachments = old.get("attachments");
        List<String> keys = attachments == null || attachments.getL() == null ? List.of()
                : attachments.getL().stream().map(attachment -> text(attachment.getM().get("key"))).toList();
        return Optional.of(new RemovedTodo(text(old.get("ownerId")), sortKey.substring(TODO_PREFIX.length()), keys));
    }

    private static String text(AttributeValue value) {
        if (value == null || value.getS() == null) {
            throw new IllegalArgumentException("A todo item's ownerId, sk and attachment keys are strings");
        }
        return value.getS();
    }
}
