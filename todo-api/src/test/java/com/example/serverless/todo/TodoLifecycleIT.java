package com.example.serverless.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.HttpApi;
import com.example.serverless.localcloud.HttpApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class TodoLifecycleIT {

    private final HttpApi alice = HttpApi.newUser();

    @Test
    void theCommittedHttpApiEventCreatesATodo() {
        HttpApiResponse created = HttpApi.invokeEventFile("events/http-api-v2-create-todo.json");

        assertEquals(201, created.status(), created::toString);
        assertEquals("Buy milk", created.json().path("title").asText());
        assertEquals("2026-12-24", created.json().path("dueDate").asText());
        assertEquals("home", created.json().path("tags").path(0).asText());
    }

    @Test
    void aTodoIsCreatedReadChangedAndDeleted() {
        HttpApiResponse created = alice.post("/todos", """
                {"title":"Write the README","description":"two commands","tags":["docs"]}""");
        assertEquals(201, created.status(), created::toString);
        String id = created.json().path("id").asText();
        assertEquals("https://abcdef1234.execute-api.us-east-1.amazonaws.com/todos/" + id, created.header("Location"));
        assertEquals("\"1\"", created.header("ETag"));
        assertEquals("open", created.json().path("status").asText());
        assertFalse(created.body().contains(alice.subject()), "the owner id is never shown");

        HttpApiResponse read = alice.get("/todos/" + id);
        assertEquals(200, read.status());
        assertEquals("Write the README", read.json().path("title").asText());
        assertEquals("\"1\"", read.header("ETag"));

        HttpApiResponse patched = alice.header("If-Match", "\"1\"").header("Content-Type", "application/merge-patch+json")
                .patch("/todos/" + id, """
                        {"status":"done","description":null}""");
        assertEquals(200, patched.status(), patched::toString);
        assertEquals("done", patched.json().path("status").asText());
        assertTrue(patched.json().path("description").isMissingNode() || patched.json().path("description").isNull());
        assertEquals("Write the README", patched.json().path("title").asText(), "a merge patch keeps what it omits");
        assertEquals("\"2\"", patched.header("ETag"));

        HttpApiResponse replaced = alice.header("If-Match", "\"2\"").put("/todos/" + id, """
                {"title":"Write the whole README","status":"open","dueDate":"2026-12-31"}""");
        assertEquals(200, replaced.status(), replaced::toString);
        JsonNode todo = replaced.json();
        assertEquals("Write the whole README", todo.path("title").asText());
        assertEquals(0, todo.path("tags").size(), "a full replacement drops what it omits");
        assertEquals(3, todo.path("version").asInt());

        assertEquals(204, alice.delete("/todos/" + id).status());
        assertEquals("not-found", alice.get("/todos/" + id).problemSlug());
        assertEquals(204, alice.delete("/todos/" + id).status(), "deleting again is not an error");
    }

    @Test
    void aCreatedTodoIsListed() {
        String id = alice.post("/todos", "{\"title\":\"listed\"}").json().path("id").asText();

        HttpApiResponse page = alice.get("/todos");

        assertEquals(200, page.status());
        assertEquals(id, page.json().path("items").path(0).path("id").asText());
        assertNotNull(page.json().get("next"));
    }

    @Test
    void aDeleteThatAcceptsOnlyProblemsIsAnsweredToo() {
        // What the generated client sends: DELETE's only documented bodies are application/problem+json.
        String id = alice.post("/todos", "{\"title\":\"short-lived\"}").json().path("id").asText();

        assertEquals(204, alice.header("Accept", "application/problem+json").delete("/todos/" + id).status());
        assertEquals("not-found", alice.get("/todos/" + id).problemSlug());
    }
}
