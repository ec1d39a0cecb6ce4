package com.example.serverless.localaws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the SES v2 {@code SendEmail} API ({@code POST /v2/email/outbound-emails}), because SES has no
 * emulator that runs in a JVM. It records every accepted email and answers {@code {"MessageId": ...}}; it can be
 * told to throttle the next calls (429 {@code TooManyRequestsException}) or to reject an address (400
 * {@code MessageRejected}). Errors use the real REST-JSON error shape (the {@code x-amzn-ErrorType} header and a
 * {@code {"message": ...}} body), so the AWS SDK raises its real exception classes.
 *
 * <p>It checks the request shape, not the signature: any credentials are accepted. It does not need the SDK.
 */
public final class SesV2StandIn implements AutoCloseable {

    /** What one {@code SendEmail} call asked for, as SES would have sent it. */
    public record SentEmail(
            String messageId,
            String from,
            List<String> to,
            String subject,
            String textBody,
            String htmlBody,
            Map<String, String> headers,
            String configurationSetName) {

        public SentEmail {
            to = List.copyOf(to);
            headers = Map.copyOf(headers);
        }

        /** The value of a message header, ignoring the case of its name; null if absent. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
    }

    private record Failure(int status, String errorType, String message) {
    }

    private static final String SEND_EMAIL_PATH = "/v2/email/outbound-emails";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final URI endpoint;
    private final List<SentEmail> sent = new CopyOnWriteArrayList<>();
    private final Deque<Failure> nextFailures = new ConcurrentLinkedDeque<>();
    private final Set<String> rejectedAddresses = ConcurrentHashMap.newKeySet();
    private final List<String> attempts = new CopyOnWriteArrayList<>();

    private SesV2StandIn(HttpServer server) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Starts on a free loopback port. */
    public static SesV2StandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SesV2StandIn standIn = new SesV2StandIn(server);
            server.createContext("/", standIn::handle);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException("The SES v2 stand-in did not start", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Emails accepted so far, in order. */
    public List<SentEmail> sent() {
        return List.copyOf(sent);
    }

    /** Emails accepted so far for one recipient. */
    public List<SentEmail> sentTo(String address) {
        return sent.stream().filter(email -> email.to().contains(address)).toList();
    }

    /** The recipients of every SendEmail call, accepted or not, in order. */
    public List<String> attempts() {
        return List.copyOf(attempts);
    }

    /** Answers the next {@code calls} SendEmail calls with 429 TooManyRequestsException (SES's throttling). */
    public void throttleNext(int calls) {
        for (int i = 0; i < calls; i++) {
            nextFailures.add(new Failure(429, "TooManyRequestsException", "Maximum sending rate exceeded."));
        }
    }

    /** Answers the next call with any SES v2 error, e.g. 400 {@code SendingPausedException}. */
    public void failNext(int status, String errorType, String message) {
        nextFailures.add(new Failure(status, errorType, message));
    }

    /** Answers every email to this address with 400 MessageRejected, as SES does for an unverified recipient. */
    public void rejectAddress(String address) {
        rejectedAddresses.add(address.toLowerCase(Locale.ROOT));
    }

    /** Forgets recorded emails and scheduled failures. */
    public void reset() {
        sent.clear();
        attempts.clear();
        nextFailures.clear();
        rejectedAddresses.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod()) || !SEND_EMAIL_PATH.equals(exchange.getRequestURI().getPath())) {
                error(exchange, new Failure(404, "NotFoundException",
                        "The stand-in implements only POST " + SEND_EMAIL_PATH));
                return;
            }
            JsonNode request;
            try (InputStream body = exchange.getRequestBody()) {
                request = json.readTree(body);
            } catch (IOException e) {
                error(exchange, new Failure(400, "BadRequestException", "The request body is not JSON"));
                return;
            }
            List<String> to = texts(request.path("Destination").path("ToAddresses"));
            attempts.add(String.join(",", to));
            Failure failure = nextFailures.poll();
            if (failure == null) {
                failure = validate(request, to);
            }
            if (failure != null) {
                error(exchange, failure);
                return;
            }
            SentEmail email = record(request, to);
            sent.add(email);
            ObjectNode response = json.createObjectNode().put("MessageId", email.messageId());
            respond(exchange, 200, null, json.writeValueAsBytes(response));
        }
    }

    private Failure validate(JsonNode request, List<String> to) {
        if (to.isEmpty() || request.path("FromEmailAddress").asText().isEmpty()) {
            return new Failure(400, "BadRequestException", "Destination and FromEmailAddress are required");
        }
        if (!request.path("Content").path("Simple").isObject()) {
            return new Failure(400, "BadRequestException", "The stand-in records Simple content only");
        }
        for (String address : to) {
            if (rejectedAddresses.contains(address.toLowerCase(Locale.ROOT))) {
                return new Failure(400, "MessageRejected", "Email address is not verified. The following identities "
                        + "failed the check in region US-EAST-1: " + address);
            }
        }
        return null;
    }

    private SentEmail record(JsonNode request, List<String> to) {
        JsonNode simple = request.path("Content").path("Simple");
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode header : simple.path("Headers")) {
            headers.put(header.path("Name").asText(), header.path("Value").asText());
        }
        return new SentEmail(
                "standin-" + UUID.randomUUID(),
                request.path("FromEmailAddress").asText(),
                to,
                simple.path("Subject").path("Data").asText(null),
                simple.path("Body").path("Text").path("Data").asText(null),
                simple.path("Body").path("Html").path("Data").asText(null),
                headers,
                request.path("ConfigurationSetName").asText(null));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private void error(HttpExchange exchange, Failure failure) throws IOException {
        byte[] body = json.writeValueAsBytes(json.createObjectNode().put("message", failure.message()));
        respond(exchange, failure.status(), failure.errorType(), body);
    }

    private static void respond(HttpExchange exchange, int status, String errorType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** For log lines and assertion messages; never the bodies. */
    @Override
    public String toString() {
        return "SesV2StandIn[" + endpoint + ", sent=" + sent.size() + "]";
    }
}
