package com.example.serverless.infra.e2e;

import com.example.serverless.localcloud.SentEmail;
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
 * {@code GET /_ministack/ses/messages} ({"messages": {account: [...]}}, read by {@link SentEmail#parseMiniStack}) or
 * LocalStack's {@code GET /_aws/ses} ({"messages": [...]}). AWS keeps no such record: there the email ledger is the
 * evidence.
 */
final class SentMail {

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

    List<SentEmail> all() {
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

    List<SentEmail> to(String address) {
        return all().stream().filter(message -> message.to().contains(address)).toList();
    }

    /** blog-notifier's announcements of the post with this title to this address. */
    List<SentEmail> announcements(String address, String title) {
        return to(address).stream().filter(m -> m.subject().equals("New on the blog: " + title)).toList();
    }

    /** The token of the first link in the text part that contains this marker ({@code /confirm?token=}). */
    static String tokenAfter(SentEmail email, String marker) {
        String text = email.text();
        int at = text.indexOf(marker);
        if (at < 0) {
            throw new AssertionError("no link with " + marker + " in " + text);
        }
        String rest = text.substring(at + marker.length());
        return rest.split("[\\s>\"]", 2)[0];
    }

    static List<SentEmail> parse(String body) {
        JsonNode messages;
        try {
            messages = JSON.readTree(body).path("messages");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (messages.isObject()) {
            return SentEmail.parseMiniStack(body);
        }
        if (!messages.isArray()) {
            throw new IllegalArgumentException("Neither MiniStack's nor LocalStack's sent-mail shape: " + body);
        }
        List<SentEmail> parsed = new ArrayList<>();
        messages.forEach(m -> parsed.add(new SentEmail(m.path("Id").asText(), m.path("Source").asText(),
                strings(m.path("Destination").path("ToAddresses")), m.path("Subject").asText(),
                m.path("Body").path("text_part").asText(null), m.path("Body").path("html_part").asText(null))));
        return parsed;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
