package com.example.serverless.todo.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.HttpApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The SnapStart hook, called directly (there is no CRaC JVM here): its requests go through the real handler to the
 * real table, and leave every item as it was.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class SnapStartPrimingIT {

    @Inject
    SnapStartPriming priming;

    @Inject
    DynamoDbClient dynamoDb;

    @Inject
    TodoConfig config;

    @Test
    void theCheckpointHookPrimesThroughTheHandlerAndTouchesNoUserData() {
        HttpApi.newUser().post("/todos", "{\"title\":\"must stay as it is\"}");
        Set<Map<String, AttributeValue>> before = everyItem();
        assertFalse(before.isEmpty(), "control: there is user data to protect");

        priming.beforeCheckpoint(null);
        List<Integer> statuses = priming.prime();

        assertEquals(List.of(200, 404, 200), statuses, "list (empty), one todo (none), the OpenAPI document");
        assertEquals(before, everyItem(), "nothing written, changed or deleted");
    }

    private Set<Map<String, AttributeValue>> everyItem() {
        return new HashSet<>(dynamoDb.scan(b -> b.tableName(config.tableName()).consistentRead(true)).items());
    }
}
