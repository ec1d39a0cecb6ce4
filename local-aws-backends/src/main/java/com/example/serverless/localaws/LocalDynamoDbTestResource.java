package com.example.serverless.localaws;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/** Starts DynamoDB Local for a Quarkus test and points {@code quarkus.dynamodb.*} at it. */
public final class LocalDynamoDbTestResource implements QuarkusTestResourceLifecycleManager {

    /** Where tests read the raw endpoint, e.g. to build a client the extension does not provide. */
    public static final String ENDPOINT_PROPERTY = "local-aws.dynamodb.endpoint";

    private EmbeddedDynamoDb dynamoDb;

    @Override
    public Map<String, String> start() {
        dynamoDb = EmbeddedDynamoDb.start();
        Map<String, String> config = new HashMap<>(
                LocalCredentials.quarkusClientConfig("dynamodb", dynamoDb.endpoint().toString()));
        config.put(ENDPOINT_PROPERTY, dynamoDb.endpoint().toString());
        return config;
    }

    @Override
    public void stop() {
        if (dynamoDb != null) {
            dynamoDb.close();
        }
    }
}
