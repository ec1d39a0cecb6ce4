package com.example.serverless.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.todo.config.TodoConfig;
import com.example.serverless.localcloud.HttpApi;
import com.example.serverless.localcloud.HttpApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The function's EMF counts. A failure on our side: a 500 problem (never a stack trace) and one {@code ServerErrors}
 * count, the metric the canary's alarm watches; the failure is real: the application's table is deleted under it
 * (so that test runs last). A new todo: one {@code TodosCreated}; its idempotent replay: none.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestProfile(ServerErrorsIT.OwnApplication.class)
@WithTestResource(LocalCloudResource.class)
class ServerErrorsIT {

    /** An application of its own, so its own account: the table this test deletes is nobody else's. */
    public static class OwnApplication implements QuarkusTestProfile {
    }

    @Inject
    DynamoDbClient dynamoDb;

    @Inject
    TodoConfig config;

    private final HttpApi caller = HttpApi.newUser();

    @Test
    @Order(1)
    void aNewTodoIsCountedOnceAndItsReplayIsNot() {
        HttpApi withKey = caller.header("Idempotency-Key", "metrics-" + System.nanoTime());
        Output<HttpApiResponse> created = printedWhile(() -> withKey.post("/todos", "{\"title\":\"counted\"}"));
        Output<HttpApiResponse> replayed = printedWhile(() -> withKey.post("/todos", "{\"title\":\"counted\"}"));

        assertEquals(201, created.result().status(), created.result().toString());
        assertEquals(List.of(1), countsOf("TodosCreated", created.printed()));
        assertEquals(201, replayed.result().status(), replayed.result().toString());
        assertEquals(List.of(), countsOf("TodosCreated", replayed.printed()), "a replay creates nothing");
    }

    @Test
    @Order(2)
    void aFailureOnOurSideIsA500ProblemCountedAsAServerError() {
        Output<HttpApiResponse> clientError = printedWhile(() -> caller.post("/todos", "{}"));
        assertEquals("validation", clientError.result().problemSlug());
        assertEquals(List.of(), serverErrorLines(clientError.printed()), "a 4xx is the caller's, not ours");

        dynamoDb.deleteTable(b -> b.tableName(config.tableName()));
        Output<HttpApiResponse> failure = printedWhile(() -> caller.post("/todos", "{\"title\":\"lost table\"}"));

        assertEquals("internal", failure.result().problemSlug());
        assertEquals(500, failure.result().status());
        assertTrue(!failure.result().body().contains("Exception"), failure.result().body());
        List<JsonNode> counted = serverErrorLines(failure.printed());
        assertEquals(1, counted.size(), failure.printed());
        JsonNode emf = counted.getFirst();
        assertEquals(1, emf.path("ServerErrors").asInt());
        assertEquals("todo-api", emf.path("Service").asText());
        assertEquals("ServerlessReference", emf.at("/_aws/CloudWatchMetrics/0/Namespace").asText());
        assertEquals("[[\"Service\"]]", emf.at("/_aws/CloudWatchMetrics/0/Dimensions").toString());
    }

    private record Output<T>(T result, String printed) {
    }

    /** What the function printed to standard output (where Lambda's EMF lines go) while the call ran. */
    private static <T> Output<T> printedWhile(Supplier<T> call) {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                printed.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                original.write(bytes, offset, length);
                printed.write(bytes, offset, length);
            }
        }, true, StandardCharsets.UTF_8));
        try {
            T result = call.get();
            return new Output<>(result, printed.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    private static List<JsonNode> serverErrorLines(String printed) {
        return emfLines("ServerErrors", printed);
    }

    /** The values of this metric in the EMF lines printed. */
    private static List<Integer> countsOf(String metric, String printed) {
        return emfLines(metric, printed).stream().map(line -> line.path(metric).asInt()).toList();
    }

    private static List<JsonNode> emfLines(String metric, String printed) {
        ObjectMapper json = new ObjectMapper();
        return printed.lines().filter(line -> line.startsWith("{") && line.contains("\"" + metric + "\"")).map(line -> {
            try {
                return json.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + line, e);
            }
        }).toList();
    }
}
