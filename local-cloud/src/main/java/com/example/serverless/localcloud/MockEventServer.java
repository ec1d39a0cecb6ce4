package com.example.serverless.localcloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one client of Quarkus's mock Lambda event server, through which a {@code @QuarkusTest} invokes its function as
 * the Lambda service would: the raw event JSON in, the handler's answer out, deserialised and serialised by the
 * same code path as on AWS. The server listens on {@code quarkus.lambda.mock-event-server.test-port}.
 */
public final class MockEventServer {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MockEventServer() {
    }

    /** What the invocation gave: 200 with the handler's response, or the error the function failed with. */
    public record Invocation(int status, String body) {

        /** The handler's response; fails the test when the function failed as a whole. */
        public String response() {
            if (status != 200) {
                throw new AssertionError("the function failed as a whole (" + status + "): " + body);
            }
            return body;
        }
    }

    /** Invokes the function with this event and returns its response; fails when the function failed as a whole. */
    public static String invoke(String eventJson) {
        return send(eventJson).response();
    }

    public static Invocation send(String eventJson) {
        int port = ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/_lambda_"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(eventJson))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Invocation(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
