package com.example.serverless.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.todo.support.HttpApi;
import com.example.serverless.todo.support.HttpApiResponse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class PaginationIT {

    private static final int TODOS = 23;

    private final HttpApi owner = HttpApi.newUser();
    private final List<String> createdInOrder = new ArrayList<>();

    @BeforeEach
    void ownerHasTodosEveryThirdOfThemDone() {
        for (int i = 0; i < TODOS; i++) {
            JsonNode todo = owner.post("/todos", "{\"title\":\"todo " + i + "\"}").json();
            createdInOrder.add(todo.path("id").asText());
            if (i % 3 == 0) {
                owner.header("If-Match", "\"1\"").patch("/todos/" + todo.path("id").asText(), "{\"status\":\"done\"}");
            }
        }
    }

    @Test
    void pagesCoverEveryTodoOnceInCreationOrder() {
        List<String> seen = walk("/todos?limit=5");

        assertEquals(createdInOrder, seen);
    }

    @Test
    void aStatusFilterPagesThroughOnlyMatchingTodos() {
        List<String> done = walk("/todos?status=done&limit=2");
        List<String> open = walk("/todos?status=open&limit=4");

        List<String> expectedDone = new ArrayList<>();
        for (int i = 0; i < TODOS; i += 3) {
            expectedDone.add(createdInOrder.get(i));
        }
        assertEquals(expectedDone, done);
        assertEquals(TODOS - expectedDone.size(), open.size());
        assertTrue(open.stream().noneMatch(done::contains));
    }

    @Test
    void anAlteredCursorIsRefused() {
        String next = owner.get("/todos?limit=5").json().path("next").asText();
        String altered = (next.charAt(0) == 'A' ? 'B' : 'A') + next.substring(1);

        assertEquals("bad-cursor", owner.get("/todos?limit=5&next=" + altered).problemSlug());
        assertEquals("bad-cursor", owner.get("/todos?limit=5&next=not-a-cursor").problemSlug());
    }

    @Test
    void aCursorWorksOnlyForItsOwnerAndFilter() {
        String next = owner.get("/todos?limit=5").json().path("next").asText();

        assertEquals("bad-cursor", HttpApi.newUser().get("/todos?limit=5&next=" + next).problemSlug());
        assertEquals("bad-cursor", owner.get("/todos?status=open&limit=5&next=" + next).problemSlug());
    }

    private List<String> walk(String firstPage) {
        List<String> ids = new ArrayList<>();
        String url = firstPage;
        for (int pages = 0; pages < 50; pages++) {
            HttpApiResponse page = owner.get(url);
            assertEquals(200, page.status(), page::toString);
            page.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
            JsonNode next = page.json().path("next");
            if (next.isNull() || next.isMissingNode()) {
                return ids;
            }
            url = firstPage + "&next=" + next.asText();
        }
        throw new AssertionError("more than 50 pages: the cursor does not advance");
    }
}
