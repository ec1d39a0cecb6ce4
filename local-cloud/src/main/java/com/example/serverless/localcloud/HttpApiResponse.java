package com.example.serverless.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** What the function answered API Gateway: status, headers and body, as in the Lambda response payload. */
public record HttpApiResponse(int status, Map<String, String> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + body, e);
        }
    }

    /** The problem {@code type} slug, after asserting the body is an RFC 9457 problem of that status. */
    public String problemSlug() {
        if (!"application/problem+json".equals(header("Content-Type"))) {
            throw new AssertionError("Expected application/problem+json but got " + header("Content-Type")
                    + " (" + status + "): " + body);
        }
        JsonNode problem = json();
        if (problem.path("status").asInt() != status) {
            throw new AssertionError("Problem status " + problem.path("status") + " differs from HTTP " + status);
        }
        String type = problem.path("type").asText();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return status + " " + headers + " " + body;
    }
}
