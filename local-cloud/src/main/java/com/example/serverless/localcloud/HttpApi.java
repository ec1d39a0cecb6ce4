package com.example.serverless.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends API Gateway HTTP API (payload 2.0) events, as the JWT authorizer would pass them on, to the function
 * through Quarkus's mock Lambda event server, and reads the Lambda response payload. Requests start from
 * the committed real event fixture; only the fields a test names are changed.
 */
public final class HttpApi {

    /** A real HTTP API request event (payload 2.0) as the JWT authorizer passes it on; each request starts from it. */
    private static final String TEMPLATE = "http-api-v2-request.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String subject;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean withClaims = true;
    private List<String> groups = List.of();

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

    /** The same caller, its token listing these Cognito groups ({@code cognito:groups}). */
    public HttpApi inGroups(String... names) {
        HttpApi copy = copy();
        copy.groups = List.of(names);
        return copy;
    }

    public HttpApi header(String name, String value) {
        HttpApi copy = copy();
        copy.headers.put(name.toLowerCase(), value);
        return copy;
    }

    private HttpApi copy() {
        HttpApi copy = new HttpApi(subject);
        copy.withClaims = withClaims;
        copy.groups = groups;
        copy.headers.putAll(headers);
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
            ObjectNode claims = (ObjectNode) context.at("/authorizer/jwt/claims");
            claims.put("sub", subject);
            if (!groups.isEmpty()) {
                // As the HTTP API hands an array claim to the function: one string, "[a b]".
                claims.put("cognito:groups", "[" + String.join(" ", groups) + "]");
            }
        } else {
            context.remove("authorizer");
        }
        ObjectNode eventHeaders = (ObjectNode) event.get("headers");
        eventHeaders.remove("content-length");
        if (body == null) {
            event.putNull("body");
        } else {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            eventHeaders.put("content-length", Integer.toString(bytes.length));
            eventHeaders.put("content-type", "application/json");
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

    /** Sends a committed event file (a class-path resource) exactly as it is. */
    public static HttpApiResponse invokeEventFile(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No event file " + resource + " on the class path");
            }
            return invoke(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode fixture() {
        try (InputStream in = HttpApi.class.getResourceAsStream(TEMPLATE)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
