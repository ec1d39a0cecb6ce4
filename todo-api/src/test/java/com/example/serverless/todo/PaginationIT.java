package com.example.serverless.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.localcloud.InjectLocalCloud;
import com.example.serverless.localcloud.LocalCloud;
import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.signing.SecretsManagerKeys;
import com.example.serverless.todo.config.TodoConfig;
import com.example.serverless.localcloud.HttpApi;
import com.example.serverless.localcloud.HttpApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class PaginationIT {

    private static final int TODOS = 23;

    @InjectLocalCloud
    LocalCloud cloud;

    @Inject
    TodoConfig config;

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
    void aFilteredPageReadsWithinItsBudgetAndTheCursorGoesOn() {
        // 23 todos, one in three done; the test profile lets one page read 10 items.
        HttpApiResponse first = owner.get("/todos?status=done&limit=5");

        assertEquals(200, first.status(), first::toString);
        assertEquals(4, first.json().path("items").size(), "the first 10 todos hold 4 done ones: " + first.body());
        assertTrue(first.json().path("next").isTextual(), "and says where to go on");
        assertEquals(8, walk("/todos?status=done&limit=5").size(), "every done todo, over several pages");
    }

    @Test
    void anAlteredCursorIsRefused() {
        String next = owner.get("/todos?limit=5").json().path("next").asText();
        char last = next.charAt(next.length() - 1);
        String altered = next.substring(0, next.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertEquals("bad-cursor", owner.get("/todos?limit=5&next=" + altered).problemSlug());
        assertEquals("bad-cursor", owner.get("/todos?limit=5&next=not-a-cursor").problemSlug());
    }

    @Test
    void aCursorWorksOnlyForItsOwnerAndFilter() {
        String next = owner.get("/todos?limit=5").json().path("next").asText();

        assertEquals("bad-cursor", HttpApi.newUser().get("/todos?limit=5&next=" + next).problemSlug());
        assertEquals("bad-cursor", owner.get("/todos?status=open&limit=5&next=" + next).problemSlug());
    }

    @Test
    void cursorsSurviveOneKeyRotationButNotTwo() throws InterruptedException {
        String beforeRotation = owner.get("/todos?limit=5").json().path("next").asText();
        String keyBefore = keyIdOf(beforeRotation);

        rotateCursorKey();
        HttpApiResponse afterOneRotation = owner.get("/todos?limit=5&next=" + beforeRotation);
        assertEquals(200, afterOneRotation.status(), afterOneRotation::toString);
        assertEquals(createdInOrder.get(5), afterOneRotation.json().path("items").get(0).path("id").asText());
        String newCursor = afterOneRotation.json().path("next").asText();
        assertNotEquals(keyBefore, keyIdOf(newCursor), "new cursors are signed with the new key");

        rotateCursorKey();
        HttpApiResponse afterTwo = owner.get("/todos?limit=5&next=" + beforeRotation);
        assertEquals("bad-cursor", afterTwo.problemSlug());
        assertTrue(afterTwo.json().path("detail").asText().contains("first page"), afterTwo::toString);
        assertEquals(200, owner.get("/todos?limit=5&next=" + newCursor).status(), "the previous key still verifies");
    }

    /** As an operator rotates: a new random value becomes AWSCURRENT; the function sees it once its cache expires. */
    private void rotateCursorKey() throws InterruptedException {
        try (SecretsManagerClient secretsManager = cloud.client(SecretsManagerClient.builder())) {
            secretsManager.putSecretValue(b -> b.secretId(config.cursorKeysSecret())
                    .secretString(SecretsManagerKeys.newKeyValue()));
        }
        Thread.sleep(config.cursorKeysMaxAge().toMillis() + 100);
    }

    private static String keyIdOf(String cursor) {
        return cursor.substring(0, cursor.indexOf('.'));
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
