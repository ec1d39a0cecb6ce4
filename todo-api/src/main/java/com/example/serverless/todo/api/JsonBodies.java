package com.example.serverless.todo.api;

import com.example.serverless.todo.config.TodoConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Request bodies arrive as bytes: their size is checked before a parser sees them. */
@ApplicationScoped
public class JsonBodies {

    private final ObjectMapper mapper;
    private final int maxBytes;

    public JsonBodies(ObjectMapper mapper, TodoConfig config) {
        this.mapper = mapper;
        this.maxBytes = config.maxRequestBytes();
    }

    public JsonNode tree(byte[] body) throws JsonProcessingException {
        if (body != null && body.length > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            // readTree alone stops after the first value: "{...} trailing" must be refused, not half-read.
            return mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
