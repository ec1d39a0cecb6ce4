package com.example.serverless.infra.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.example.serverless.infra.users.CognitoUsers.SignedInUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Concurrent clients reading one todo through the deployed HTTP API: 4, then 20 clients, each sending its share of
 * {@code -De2e.benchmark.requests} (200) back to back, started together. A client that gets 429 waits for Retry-After
 * (1 s when, as from MiniStack, the header is missing) and sends again; a request's latency includes those waits.
 * Prints throughput, p50/p95/p99 and the final statuses; asserts that no answer was a 5xx. Off by default:
 * {@code ./mvnw -pl infra verify -Dit.test=ApiBurstBenchmarkIT -De2e.benchmark=true}.
 */
@ExtendWith(E2eStack.class)
@EnabledIfSystemProperty(named = "e2e.benchmark", matches = "true")
class ApiBurstBenchmarkIT {

    private static final int REQUESTS = Integer.getInteger("e2e.benchmark.requests", 200);
    private static final int MAX_ATTEMPTS = 60;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static E2eStack.Stack stack;
    private static TestUsers users;
    private static SignedInUser erin;

    @BeforeAll
    static void signIn(E2eStack.Stack deployed) {
        stack = deployed;
        TodoApiIT.useStack(deployed);
        users = new TestUsers(stack);
        erin = users.signUp("erin-bench");
    }

    @AfterAll
    static void removeUser() {
        if (users != null) {
            users.close();
        }
    }

    /** One request as its client saw it: the last answer's status, the time to it, and the 429s before it. */
    private record Answer(int status, long nanos, int throttles) {
    }

    @Test
    void concurrentClientsGetNoServerError() throws Exception {
        String id = TodoApiIT.api(erin).body(Map.of("title", "burst benchmark")).post("/todos")
                .then().statusCode(201).extract().path("id");
        URI todo = URI.create(stack.apiBaseUrl() + "/todos/" + id);
        for (int clients : List.of(4, 20)) {
            long start = System.nanoTime();
            List<Answer> answers = burst(clients, todo);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Long> nanos = answers.stream().map(Answer::nanos).sorted().toList();
            Map<Integer, Integer> statuses = new TreeMap<>();
            answers.forEach(answer -> statuses.merge(answer.status(), 1, Integer::sum));
            System.out.printf(Locale.ROOT, "[benchmark] GET /todos/{id}, %d clients on %s: n=%d in %.1f s = %.1f req/s, "
                            + "p50=%.0f ms p95=%.0f ms p99=%.0f ms, statuses %s, 429s retried %d%n",
                    clients, stack.targetName(), answers.size(), seconds, answers.size() / seconds,
                    Benchmarks.percentileMillis(nanos, 50), Benchmarks.percentileMillis(nanos, 95),
                    Benchmarks.percentileMillis(nanos, 99), statuses,
                    answers.stream().mapToInt(Answer::throttles).sum());
            assertThat(clients + " clients: answers 5xx", answers.stream().filter(a -> a.status() >= 500).count(), equalTo(0L));
        }
    }

    private static List<Answer> burst(int clients, URI todo) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Answer>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<Answer> answers = new ArrayList<>();
                    for (int i = 0; i < REQUESTS / clients; i++) {
                        answers.add(get(todo));
                    }
                    return answers;
                }));
            }
            start.countDown();
            List<Answer> all = new ArrayList<>();
            for (Future<List<Answer>> result : results) {
                all.addAll(result.get());
            }
            return all;
        }
    }

    private static Answer get(URI todo) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(todo).header("Authorization", "Bearer " + erin.accessToken()).build();
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 429 || attempt == MAX_ATTEMPTS) {
                return new Answer(response.statusCode(), System.nanoTime() - start, attempt - 1);
            }
            Thread.sleep(1000L * response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L));
        }
    }
}
