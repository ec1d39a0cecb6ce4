package com.example.serverless.todo.support;

import com.example.serverless.localcloud.MockEventServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sends API Gateway HTTP API (payload 2.0) events, as the JWT authorizer would pass them on, to the function
 * through Quarkus's mock Lambda event server, and reads the Lambda response payload. Requests start from
 * the committed real event fixture; only the fields a test names are changed.
 */
public final class HttpApi {

    public static final String FIXTURE = "events/http-api-v2-create-todo.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String subject;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean withClaims = true;

    private HttpApi(String subject) {
        this.subject = subject;
    }

    /** A caller whose verified token has this {@code sub}. */
    public static HttpApi as(String subject) {
        return new HttpApi(subject);
    }

    public static HttpApi newUser() {
        return as(UUID.randomUUID().toString());
    }

    /** A request that reached the function without authorizer claims (a misconfigured route). */
    public static HttpApi withoutClaims() {
        HttpApi api = new HttpApi(null);
        api.withClaims = false;
        return api;
    }

    public String subject() {
        return subject;
    }

    /** The request as a client sends it that leaves this header out (the fixture's defaults included). */
    public HttpApi withoutHeader(String name) {
        return header(name, null);
    }

    public HttpApi header(String name, String value) {
        HttpApi copy = new HttpApi(subject);
        copy.withClaims = withClaims;
        copy.headers.putAll(headers);
        copy.headers.put(name.toLowerCase(), value);
        return copy;
    }

    public HttpApiResponse get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    public HttpApiResponse delete(String path) {
        return send("DELETE", path, null);
    }

    public HttpApiResponse post(String path, String body) {
        return send("POST", path, body);
    }

    public HttpApiResponse put(String path, String body) {
        return send("PUT", path, body);
    }

    /** A JSON merge patch (RFC 7396), sent as such unless the test set another Content-Type. */
    public HttpApiResponse patch(String path, String body) {
        if (headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Content-Type"))) {
            return header("Content-Type", "application/merge-patch+json").send("PATCH", path, body);
        }
        return send("PATCH", path, body);
    }

    public HttpApiResponse send(String method, String pathAndQuery, String body) {
        ObjectNode event = fixture();
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        String query = pathAndQuery.contains("?") ? pathAndQuery.substring(pathAndQuery.indexOf('?') + 1) : "";
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", query);
        ObjectNode context = (ObjectNode) event.get("requestContext");
        context.put("routeKey", "$default");
        context.put("requestId", UUID.randomUUID().toString());
        ((ObjectNode) context.get("http")).put("method", method).put("path", path);
        if (withClaims) {
            ((ObjectNode) context.at("/authorizer/jwt/claims")).put("sub", subject);
        } else {
            context.remove("authorizer");
        }
        ObjectNode eventHeaders = (ObjectNode) event.get("headers");
        eventHeaders.remove("content-length");
        if (body == null) {
            eventHeaders.remove("content-type");
            event.putNull("body");
        } else {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            eventHeaders.put("content-length", Integer.toString(bytes.length));
            event.put("body", body);
        }
        headers.forEach((name, value) -> {
            if (value == null) {
                eventHeaders.remove(name);
            } else {
                eventHeaders.put(name, value);
            }
        });
        return invoke(event);
    }

    /** Sends an event exactly as given. */
    public static HttpApiResponse invoke(JsonNode event) {
        String payload = MockEventServer.send(event.toString()).body();
        try {
            JsonNode response = JSON.readTree(payload);
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            response.path("headers").fields().forEachRemaining(h -> responseHeaders.put(h.getKey(), h.getValue().asText()));
            String body = response.path("body").isNull() ? "" : response.path("body").asText();
            if (response.path("isBase64Encoded").asBoolean()) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            return new HttpApiResponse(response.path("statusCode").asInt(), responseHeaders, body);
        } catch (IOException e) {
            throw new UncheckedIOException("The function's answer is not a Lambda response: " + payload, e);
        }
    }

    public static ObjectNode fixture() {
        try (InputStream in = HttpApi.class.getClassLoader().getResourceAsStream(FIXTURE)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
