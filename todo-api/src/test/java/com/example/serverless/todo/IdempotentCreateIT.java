package com.example.serverless.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class IdempotentCreateIT {

    private final HttpApi owner = HttpApi.newUser();
    private static final String BODY = "{\"title\":\"pay rent\",\"tags\":[\"money\"]}";

    @Test
    void aRetriedCreateWithTheSameKeyReturnsTheSameTodoAndCreatesNoDuplicate() {
        HttpApi retrying = owner.header("Idempotency-Key", "create-rent-1");

        HttpApiResponse first = retrying.post("/todos", BODY);
        HttpApiResponse retry = retrying.post("/todos", BODY);

        assertEquals(201, first.status(), first::toString);
        assertEquals(201, retry.status(), retry::toString);
        assertEquals(first.json().path("id"), retry.json().path("id"));
        assertEquals(1, owner.get("/todos").json().path("items").size());
    }

    @Test
    void aReplayAnswersWhatTheFirstRequestGotEvenAfterTheTodoChanged() {
        HttpApi retrying = owner.header("Idempotency-Key", "create-rent-2");
        HttpApiResponse first = retrying.post("/todos", BODY);
        String id = first.json().path("id").asText();
        owner.header("If-Match", "\"1\"").patch("/todos/" + id, "{\"title\":\"paid\"}");

        HttpApiResponse replay = retrying.post("/todos", BODY);

        assertEquals(201, replay.status(), replay::toString);
        assertEquals(first.body(), replay.body(), "the original response, not the todo's current state");
        assertEquals("\"1\"", replay.header("ETag"));
    }

    @Test
    void concurrentCreatesWithOneKeyGiveOneTodoAndNever500() throws Exception {
        for (int round = 0; round < 5; round++) {
            HttpApi racing = owner.header("Idempotency-Key", "race-" + round);
            Callable<HttpApiResponse> create = () -> racing.post("/todos", BODY);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<HttpApiResponse>> results = pool.invokeAll(List.of(create, create));
                List<HttpApiResponse> responses = List.of(results.get(0).get(), results.get(1).get());
                for (HttpApiResponse response : responses) {
                    assertTrue(response.status() == 201
                            || (response.status() == 409 && "idempotency-in-progress".equals(response.problemSlug())
                                    && "1".equals(response.header("Retry-After"))), response::toString);
                }
                assertTrue(responses.stream().anyMatch(response -> response.status() == 201), responses::toString);
            } finally {
                pool.shutdown();
            }
        }
        assertEquals(5, owner.get("/todos?limit=100").json().path("items").size(), "one todo per key");
    }

    @Test
    void reusingAKeyForADifferentRequestIsRefusedWith422() {
        owner.header("Idempotency-Key", "k-2").post("/todos", BODY);

        HttpApiResponse reuse = owner.header("Idempotency-Key", "k-2").post("/todos", "{\"title\":\"something else\"}");

        assertEquals("idempotency-conflict", reuse.problemSlug());
        assertEquals(1, owner.get("/todos").json().path("items").size());
    }

    @Test
    void keysBelongToTheirUser() {
        HttpApi other = HttpApi.newUser();

        String mine = owner.header("Idempotency-Key", "shared").post("/todos", BODY).json().path("id").asText();
        String theirs = other.header("Idempotency-Key", "shared").post("/todos", BODY).json().path("id").asText();

        assertNotEquals(mine, theirs);
    }

    @Test
    void createsWithoutAKeyAreIndependent() {
        owner.post("/todos", BODY);
        owner.post("/todos", BODY);

        assertEquals(2, owner.get("/todos").json().path("items").size());
    }

    @Test
    void aMalformedKeyIsRefused() {
        HttpApiResponse response = owner.header("Idempotency-Key", "x".repeat(65)).post("/todos", BODY);

        assertEquals("validation", response.problemSlug());
        assertEquals(0, owner.get("/todos").json().path("items").size());
    }
}
