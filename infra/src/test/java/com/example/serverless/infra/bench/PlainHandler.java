package com.example.serverless.infra.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The cold-start baseline: a framework-less Java handler (no Quarkus, no SDK client) answering an HTTP API
 * payload-2.0 event, deployed the way the todo function is (provided.al2023 + runtime interface client).
 */
public final class PlainHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Map.of("statusCode", 200, "headers", Map.of("content-type", "application/json"),
                "body", "{\"items\":[],\"requestId\":\"" + context.getAwsRequestId() + "\"}");
    }
}
