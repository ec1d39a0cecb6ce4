package com.example.serverless.infra.e2e;

import com.example.serverless.infra.users.CognitoUsers.SignedInUser;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Read latency of one todo through the deployed HTTP API, with and without If-None-Match, on whatever target the suite
 * runs against. Prints p50/p95 and the bytes each answer carried; asserts nothing about time. Off by default:
 * {@code ./mvnw -pl infra verify -Dit.test=ConditionalGetBenchmarkIT -De2e.benchmark=true}
 * ({@code -De2e.benchmark.samples=200} by default). Both series are sequential, after 10 untimed warm-up calls each.
 */
@ExtendWith(E2eStack.class)
@EnabledIfSystemProperty(named = "e2e.benchmark", matches = "true")
class ConditionalGetBenchmarkIT {

    private static final int SAMPLES = Integer.getInteger("e2e.benchmark.samples", 200);
    private static final int WARM_UP = 10;

    private static E2eStack.Stack stack;
    private static TestUsers users;
    private static SignedInUser carol;

    @BeforeAll
    static void signIn(E2eStack.Stack deployed) {
        stack = deployed;
        TodoApiIT.useStack(deployed);
        users = new TestUsers(stack);
        carol = users.signUp("carol-bench");
    }

    @AfterAll
    static void removeUser() {
        if (users != null) {
            users.close();
        }
    }

    @Test
    void getOneTodoWithAndWithoutIfNoneMatch() {
        // A todo of a realistic size: a long description and a few tags, so the body is not trivially small.
        String id = TodoApiIT.api(carol).body(Map.of("title", "benchmark", "description", "x".repeat(1500),
                "tags", List.of("a", "b", "c"))).post("/todos").then().statusCode(201).extract().path("id");
        String etag = TodoApiIT.api(carol).get("/todos/" + id).then().statusCode(200).extract().header("ETag");

        measure("GET /todos/{id}, no If-None-Match", id, request -> request);
        measure("GET /todos/{id}, If-None-Match: current ETag", id, request -> request.header("If-None-Match", etag));
    }

    private static void measure(String name, String id,
            Function<RequestSpecification, RequestSpecification> conditional) {
        for (int i = 0; i < WARM_UP; i++) {
            conditional.apply(TodoApiIT.api(carol)).get("/todos/" + id);
        }
        List<Long> nanos = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long bytes = 0;
        for (int i = 0; i < SAMPLES; i++) {
            var request = conditional.apply(TodoApiIT.api(carol));
            long start = System.nanoTime();
            ExtractableResponse<Response> response = request.get("/todos/" + id).then().extract();
            nanos.add(System.nanoTime() - start);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            bytes += response.asByteArray().length;
        }
        nanos.sort(null);
        System.out.printf(Locale.ROOT, "[benchmark] %s on %s: n=%d p50=%.1f ms p95=%.1f ms, statuses %s, %d body bytes per answer%s%n",
                name, stack.targetName(), SAMPLES, Benchmarks.percentileMillis(nanos, 50),
                Benchmarks.percentileMillis(nanos, 95), statuses, bytes / SAMPLES,
                stack.isLocal() ? " (MiniStack answers a body-less 304 as 500: see TodoApiIT.expectNotModified)" : "");
    }
}
