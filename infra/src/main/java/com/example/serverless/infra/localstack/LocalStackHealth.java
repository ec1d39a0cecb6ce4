package com.example.serverless.infra.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** LocalStack's {@code GET /_localstack/health}: which services this image and licence provide. */
public record LocalStackHealth(String version, JsonNode services) {

    private static final Set<String> USABLE = Set.of("available", "running");

    public static LocalStackHealth read(URI endpoint) {
        URI health = endpoint.resolve("/_localstack/health");
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + health + " answered " + response.statusCode());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("No LocalStack at " + endpoint + " (GET " + health + ": " + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + health, e);
        }
    }

    static LocalStackHealth parse(String body) {
        try {
            JsonNode root = new ObjectMapper().readTree(body);
            return new LocalStackHealth(root.path("version").asText("unknown"), root.path("services"));
        } catch (IOException e) {
            throw new IllegalStateException("Not LocalStack's health document: " + body, e);
        }
    }

    /** The given services that this LocalStack does not list as available or running. */
    public List<String> missing(List<String> required) {
        return required.stream().filter(name -> !USABLE.contains(services.path(name).asText(""))).toList();
    }
}
