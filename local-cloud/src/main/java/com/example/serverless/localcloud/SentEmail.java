package com.example.serverless.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** One email the local cloud's SES accepted. */
public record SentEmail(String id, String from, List<String> to, String subject, String text, String html) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public SentEmail {
        to = List.copyOf(to);
    }

    /** MiniStack's {@code GET /_ministack/ses/messages}: {"messages": {account: [{MessageId, Source, To, ...}]}}. */
    public static List<SentEmail> parseMiniStack(String body) {
        JsonNode messages = read(body).path("messages");
        if (!messages.isObject()) {
            throw new IllegalArgumentException("Not MiniStack's sent-mail shape: " + body);
        }
        List<SentEmail> parsed = new ArrayList<>();
        messages.properties().forEach(account -> account.getValue().forEach(m -> parsed.add(new SentEmail(
                m.path("MessageId").asText(), m.path("Source").asText(), strings(m.path("To")),
                m.path("Subject").asText(), m.path("BodyText").asText(null), m.path("BodyHtml").asText(null)))));
        return parsed;
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
