package com.example.serverless.blogfanout.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A StreamsEventResponse as the function answered it, read for its batchItemFailures. */
public final class StreamResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamResponses() {
    }

    public static JsonNode read(String response) {
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
}
