package com.example.serverless.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.HttpApi;
import com.example.serverless.localcloud.HttpApiResponse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
