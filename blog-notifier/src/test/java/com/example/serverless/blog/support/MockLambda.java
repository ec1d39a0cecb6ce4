package com.example.serverless.blog.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Invokes the function through Quarkus's mock Lambda event server with a raw event, as Lambda would. */
public final class MockLambda {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MockLambda() {
    }

    /** The function's StreamsEventResponse as JSON. */
    public static JsonNode invoke(Object event) {
        String body = event instanceof String text ? text : write(event);
        String response = given().contentType("application/json").accept("application/json")
                .body(body)
                .when().post()
                .then().statusCode(200)
                .extract().asString();
        try {
            return JSON.readTree(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The item identifiers (sequence numbers) in the response's batchItemFailures. */
    public static List<String> failedSequenceNumbers(JsonNode response) {
        List<String> sequenceNumbers = new ArrayList<>();
        response.path("batchItemFailures").forEach(failure -> sequenceNumbers.add(failure.path("itemIdentifier").asText()));
        return sequenceNumbers;
    }

    private static String write(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
