package com.example.serverless.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.HttpApi;
import com.example.serverless.localcloud.HttpApiResponse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Another user's todo is invisible on every endpoint: 404 (never 403, which would admit it exists). */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class IsolationIT {

    private final HttpApi alice = HttpApi.newUser();
    private final HttpApi mallory = HttpApi.newUser();
    private String aliceTodo;

    @BeforeEach
    void aliceHasATodoWithAnAttachment() {
        aliceTodo = alice.post("/todos", "{\"title\":\"private\"}").json().path("id").asText();
        alice.post("/todos/" + aliceTodo + "/attachments", """
                {"fileName":"a.txt","contentType":"text/plain","size":3}""");
    }

    @Test
    void anotherUserCannotReadIt() {
        assertEquals("not-found", mallory.get("/todos/" + aliceTodo).problemSlug());
    }

    @Test
    void anotherUserDoesNotSeeItInTheirList() {
        mallory.post("/todos", "{\"title\":\"mine\"}");

        HttpApiResponse list = mallory.get("/todos?limit=100");

        assertEquals(1, list.json().path("items").size());
        assertTrue(list.json().path("items").findValuesAsText("id").stream().noneMatch(aliceTodo::equals));
    }

    @Test
    void anotherUserCannotReplaceOrPatchIt() {
        assertEquals("not-found", mallory.header("If-Match", "*").put("/todos/" + aliceTodo,
                "{\"title\":\"taken\",\"status\":\"done\"}").problemSlug());
        assertEquals("not-found", mallory.header("If-Match", "\"2\"").patch("/todos/" + aliceTodo,
                "{\"title\":\"taken\"}").problemSlug());

        assertEquals("private", alice.get("/todos/" + aliceTodo).json().path("title").asText());
    }

    @Test
    void anotherUserCannotDeleteIt() {
        assertEquals(204, mallory.delete("/todos/" + aliceTodo).status(), "delete never reveals existence");

        assertEquals(200, alice.get("/todos/" + aliceTodo).status(), "and deletes nothing of Alice's");
    }

    @Test
    void anotherUserCannotAttachToItOrDownloadItsAttachments() {
        assertEquals("not-found", mallory.post("/todos/" + aliceTodo + "/attachments", """
                {"fileName":"b.txt","contentType":"text/plain","size":3}""").problemSlug());
        String attachmentId = alice.get("/todos/" + aliceTodo).json().path("attachments").path(0).path("id").asText();

        assertEquals("not-found", mallory.get("/todos/" + aliceTodo + "/attachments/" + attachmentId).problemSlug());
        assertEquals(1, alice.get("/todos/" + aliceTodo).json().path("attachments").size());
    }
}
