package com.example.serverless.todo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.HttpApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The production log format: one JSON object per line, with the request id, trace id and cold-start flag, and no secrets. */
@QuarkusTest
@TestProfile(StructuredLoggingIT.JsonLogFile.class)
@WithTestResource(LocalCloudResource.class)
class StructuredLoggingIT {

    static final Path LOG = Path.of("target/structured-logging-it.log");

    public static class JsonLogFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG.toString(),
                    "quarkus.log.file.json.enabled", "true");
        }
    }

    @Test
    void eachRequestLogsOneJsonLineWithItsRequestIdTraceAndColdStartAndNoToken() throws Exception {
        HttpApi caller = HttpApi.newUser().header("authorization", "Bearer secret-token-value");
        caller.post("/todos", "{\"title\":\"a private title\"}");
        caller.get("/todos/not-a-uuid");

        List<JsonNode> requestLines = new ArrayList<>();
        String all = Files.readString(LOG);
        for (String line : all.lines().toList()) {
            JsonNode entry = new ObjectMapper().readTree(line);
            if (entry.path("loggerName").asText().endsWith("RequestLogging")) {
                requestLines.add(entry);
            }
        }

        assertTrue(requestLines.stream().anyMatch(e -> e.path("message").asText().startsWith("POST /todos -> 201")),
                all);
        assertTrue(requestLines.stream().allMatch(e -> !e.path("mdc").path("requestId").asText().isBlank()), all);
        assertTrue(requestLines.stream().allMatch(e -> e.path("mdc").has("traceId")
                && List.of("true", "false").contains(e.path("mdc").path("coldStart").asText())), all);
        assertFalse(all.contains("secret-token-value"), "tokens are never logged");
        assertFalse(all.contains("a private title"), "bodies are never logged");
    }
}
