package com.example.serverless.reminders.support;

import com.example.serverless.reminders.config.RemindersConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/**
 * Creates at test start-up the todos table (keys and the byDueDate index as in infra/template.yaml) and the reminder
 * ledger, and writes todo items the way todo-api does (its store/TodoItems.java).
 */
@ApplicationScoped
public class TodoTables {

    private final DynamoDbClient dynamoDb;
    private final RemindersConfig config;

    TodoTables(DynamoDbClient dynamoDb, RemindersConfig config) {
        this.dynamoDb = dynamoDb;
        this.config = config;
    }

    void create(@Observes StartupEvent started) {
        try {
            dynamoDb.createTable(table -> table.tableName(config.todosTable())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(key("ownerId", KeyType.HASH), key("sk", KeyType.RANGE))
                    .attributeDefinitions(string("ownerId"), string("sk"), string("dueDate"), string("todoId"))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                            .indexName(config.dueDateIndex())
                            .keySchema(key("dueDate", KeyType.HASH), key("todoId", KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("title", "status"))
                            .build()));
            dynamoDb.createTable(table -> table.tableName(config.ledgerTable())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(key("todoId", KeyType.HASH), key("dueDate", KeyType.RANGE))
                    .attributeDefinitions(string("todoId"), string("dueDate")));
        } catch (ResourceInUseException alreadyThere) {
            // another test class of this application created them
        }
    }

    /** A todo item as todo-api writes it; {@code title} null for an item without one. */
    public void putTodo(String ownerId, String todoId, String title, LocalDate dueDate, String status) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("ownerId", AttributeValue.fromS(ownerId));
        item.put("sk", AttributeValue.fromS("todo#" + todoId));
        item.put("todoId", AttributeValue.fromS(todoId));
        if (title != null) {
            item.put("title", AttributeValue.fromS(title));
        }
        item.put("dueDate", AttributeValue.fromS(dueDate.toString()));
        item.put("tags", AttributeValue.fromL(List.of()));
        item.put("status", AttributeValue.fromS(status));
        item.put("version", AttributeValue.fromN("1"));
        item.put("createdAt", AttributeValue.fromS(Instant.now().toString()));
        item.put("updatedAt", AttributeValue.fromS(Instant.now().toString()));
        item.put("attachments", AttributeValue.fromL(List.of()));
        dynamoDb.putItem(put -> put.tableName(config.todosTable()).item(item));
    }

    public void deleteTodo(String ownerId, String todoId) {
        dynamoDb.deleteItem(delete -> delete.tableName(config.todosTable())
                .key(Map.of("ownerId", AttributeValue.fromS(ownerId), "sk", AttributeValue.fromS("todo#" + todoId))));
    }

    public Optional<Map<String, AttributeValue>> ledgerEntry(String todoId, LocalDate dueDate) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(config.ledgerTable()).consistentRead(true)
                .key(Map.of("todoId", AttributeValue.fromS(todoId), "dueDate", AttributeValue.fromS(dueDate.toString()))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
