package com.example.serverless.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.HttpApi;
import com.example.serverless.localcloud.HttpApiResponse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Optimistic locking: a write names the version it read; a stale name gets 412 and changes nothing. */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class ConcurrencyIT {

    private final HttpApi owner = HttpApi.newUser();

    private String newTodo() {
        return owner.post("/todos", "{\"title\":\"v1\"}").json().path("id").asText();
    }

    @Test
    void staleEtagIsRejectedWith412AndNothingIsWritten() {
        String id = newTodo();
        owner.header("If-Match", "\"1\"").patch("/todos/" + id, "{\"title\":\"v2\"}");

        HttpApiResponse stale = owner.header("If-Match", "\"1\"").patch("/todos/" + id, "{\"title\":\"lost update\"}");

        assertEquals("precondition-failed", stale.problemSlug());
        assertEquals("v2", owner.get("/todos/" + id).json().path("title").asText());
    }

    @Test
    void weakEtagsNeverMatch() {
        String id = newTodo();

        assertEquals("precondition-failed",
                owner.header("If-Match", "W/\"1\"").patch("/todos/" + id, "{\"title\":\"x\"}").problemSlug());
    }

    @Test
    void aChangeWithoutIfMatchIsRefusedWith428() {
        String id = newTodo();

        assertEquals("precondition-required", owner.patch("/todos/" + id, "{\"title\":\"x\"}").problemSlug());
        assertEquals("precondition-required",
                owner.put("/todos/" + id, "{\"title\":\"x\",\"status\":\"open\"}").problemSlug());
        assertEquals("v1", owner.get("/todos/" + id).json().path("title").asText());
    }

    @Test
    void ifMatchStarOrAListContainingTheCurrentEtagMatches() {
        String id = newTodo();

        assertEquals(200, owner.header("If-Match", "*").patch("/todos/" + id, "{\"title\":\"v2\"}").status());
        assertEquals(200, owner.header("If-Match", "\"7\", \"2\"").patch("/todos/" + id, "{\"title\":\"v3\"}").status());
    }

    @Test
    void ofTwoConcurrentUpdatesOfTheSameVersionOneWinsAndTheOtherGets412() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = newTodo();
            Callable<HttpApiResponse> first = () -> owner.header("If-Match", "\"1\"").patch("/todos/" + id, "{\"title\":\"A\"}");
            Callable<HttpApiResponse> second = () -> owner.header("If-Match", "\"1\"").patch("/todos/" + id, "{\"title\":\"B\"}");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<HttpApiResponse>> results = pool.invokeAll(List.of(first, second));
                List<Integer> statuses = List.of(results.get(0).get().status(), results.get(1).get().status())
                        .stream().sorted().toList();
                assertEquals(List.of(200, 412), statuses);
                HttpApiResponse winner = results.get(0).get().status() == 200 ? results.get(0).get() : results.get(1).get();
                HttpApiResponse stored = owner.get("/todos/" + id);
                assertEquals(winner.json().path("title").asText(), stored.json().path("title").asText());
                assertEquals(2, stored.json().path("version").asInt());
            } finally {
                pool.shutdown();
            }
        }
    }
}
