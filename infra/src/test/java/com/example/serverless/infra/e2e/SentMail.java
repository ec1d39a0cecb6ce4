package com.example.serverless.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The mail an emulator's SES accepted, read from its inspection endpoint: MiniStack's
 * {@code GET /_ministack/ses/messages} ({"messages": {account: [...]}}) or LocalStack's {@code GET /_aws/ses}
 * ({"messages": [...]}). AWS keeps no such record: there the email ledger is the evidence.
 */
final class SentMail {

    /** One accepted email, whichever endpoint reported it. */
    record Message(String id, String from, List<String> to, String subject, String text, String html) {
        Message {
            to = List.copyOf(to);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    SentMail(URI endpoint) {
        this.endpoint = endpoint;
    }

    static SentMail of(E2eStack.Stack stack) {
        URI base = stack.target().endpoint().orElse(null);
        return switch (stack.targetName()) {
            case "local" -> new SentMail(base.resolve("/_ministack/ses/messages"));
            case "localstack" -> new SentMail(base.resolve("/_aws/ses"));
            default -> {
                Assumptions.abort("SES on " + stack.targetName() + " keeps no readable copy of sent mail");
                yield null;
            }
        };
    }

    List<Message> all() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + endpoint + " answered " + response.statusCode() + ": " + response.body());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<Message> to(String address) {
        return all().stream().filter(message -> message.to().contains(address)).toList();
    }

    static List<Message> parse(String body) {
        JsonNode messages;
        try {
            messages = JSON.readTree(body).path("messages");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Message> parsed = new ArrayList<>();
        if (messages.isArray()) {
            messages.forEach(m -> parsed.add(new Message(m.path("Id").asText(), m.path("Source").asText(),
                    strings(m.path("Destination").path("ToAddresses")), m.path("Subject").asText(),
                    m.path("Body").path("text_part").asText(null), m.path("Body").path("html_part").asText(null))));
        } else if (messages.isObject()) {
            messages.properties().forEach(account -> account.getValue().forEach(m -> parsed.add(new Message(
                    m.path("MessageId").asText(), m.path("Source").asText(), strings(m.path("To")),
                    m.path("Subject").asText(), m.path("BodyText").asText(null), m.path("BodyHtml").asText(null)))));
        } else {
            throw new IllegalArgumentException("Neither MiniStack's nor LocalStack's sent-mail shape: " + body);
        }
        return parsed;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
