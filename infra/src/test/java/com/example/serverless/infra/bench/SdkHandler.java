package com.example.serverless.infra.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cold-start baseline that does the todo function's work without Quarkus: the same DynamoDB query for the
 * caller's partition (GET /todos on an empty list) through the bare AWS SDK, its client built at init as Quarkus
 * builds the todo function's. What the todo function costs beyond it is the framework's.
 */
public final class SdkHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final DynamoDbClient dynamoDb = DynamoDbClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    private final String table = System.getenv("TODO_TABLE_NAME");

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        int count = dynamoDb.query(b -> b.tableName(table).keyConditionExpression("ownerId = :owner")
                .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(callerOf(event)))).limit(20)).count();
        return Map.of("statusCode", 200, "headers", Map.of("content-type", "application/json"),
                "body", "{\"items\":[],\"count\":" + count + "}");
    }

    @SuppressWarnings("unchecked")
    private static String callerOf(Map<String, Object> event) {
        Object claims = event;
        for (String key : new String[] {"requestContext", "authorizer", "jwt", "claims"}) {
            claims = ((Map<String, Object>) claims).get(key);
        }
        return (String) ((Map<String, Object>) claims).get("sub");
    }
}
