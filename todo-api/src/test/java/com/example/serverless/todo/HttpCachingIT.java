package com.example.serverless.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.localcloud.HttpApi;
import com.example.serverless.localcloud.HttpApiResponse;
import com.example.serverless.localcloud.LocalCloudResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Conditional GETs: ETag, If-None-Match -> 304, and caching rules fit for per-user data. */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class HttpCachingIT {

    private final HttpApi alice = HttpApi.newUser();
    private final HttpApi bob = HttpApi.newUser();

    @Test
    void aCurrentEtagAnswers304WithNoBodyAndTheSameHeaders() {
        String id = create(alice, "cached");
        HttpApiResponse first = alice.get("/todos/" + id);
        assertEquals(200, first.status(), first::toString);
        assertEquals("\"1\"", first.header("ETag"));
        assertCachingHeaders(first);

        HttpApiResponse again = alice.header("If-None-Match", "\"1\"").get("/todos/" + id);

        assertEquals(304, again.status(), again::toString);
        assertTrue(again.body() == null || again.body().isEmpty(), "a 304 has no body");
        assertEquals("\"1\"", again.header("ETag"));
        assertCachingHeaders(again);
    }

    @Test
    void aWeakOrListedOrStarTagMatchesToo() {
        String id = create(alice, "weak");

        assertEquals(304, alice.header("If-None-Match", "W/\"1\"").get("/todos/" + id).status());
        assertEquals(304, alice.header("If-None-Match", "\"7\", \"1\"").get("/todos/" + id).status());
        assertEquals(304, alice.header("If-None-Match", "*").get("/todos/" + id).status());
    }

    @Test
    void aStaleEtagAnswers200WithTheNewOne() {
        String id = create(alice, "stale");
        HttpApiResponse patched = alice.header("If-Match", "\"1\"").patch("/todos/" + id, "{\"status\":\"done\"}");
        assertEquals(200, patched.status(), patched::toString);

        HttpApiResponse read = alice.header("If-None-Match", "\"1\"").get("/todos/" + id);

        assertEquals(200, read.status(), read::toString);
        assertEquals("\"2\"", read.header("ETag"));
        assertEquals("done", read.json().path("status").asText());
    }

    @Test
    void anotherUsersTodoNever304s() {
        String id = create(alice, "alice's");

        HttpApiResponse read = bob.header("If-None-Match", "\"1\"").get("/todos/" + id);

        assertEquals("not-found", read.problemSlug());
        assertEquals(404, bob.header("If-None-Match", "*").get("/todos/" + id).status());
    }

    @Test
    void aMalformedIfNoneMatchIsJustAMiss() {
        String id = create(alice, "malformed");

        for (String malformed : new String[] {"1", "\"1", "\"1\" junk", "\"1\", 2", "W/1"}) {
            HttpApiResponse read = alice.header("If-None-Match", malformed).get("/todos/" + id);
            assertEquals(200, read.status(), () -> malformed + ": " + read);
            assertEquals("\"1\"", read.header("ETag"));
        }
    }

    @Test
    void aListPageHasAnEtagThatChangesWithItsItems() {
        String id = create(alice, "listed");
        HttpApiResponse page = alice.get("/todos?limit=5");
        assertEquals(200, page.status(), page::toString);
        String etag = page.header("ETag");
        assertNotNull(etag);
        assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
        assertCachingHeaders(page);

        HttpApiResponse unchanged = alice.header("If-None-Match", etag).get("/todos?limit=5");
        assertEquals(304, unchanged.status(), unchanged::toString);
        assertEquals(etag, unchanged.header("ETag"));
        assertCachingHeaders(unchanged);

        alice.header("If-Match", "\"1\"").patch("/todos/" + id, "{\"title\":\"renamed\"}");
        HttpApiResponse changed = alice.header("If-None-Match", etag).get("/todos?limit=5");
        assertEquals(200, changed.status(), changed::toString);
        assertNotEquals(etag, changed.header("ETag"));
        assertEquals("renamed", changed.json().path("items").path(0).path("title").asText());
    }

    @Test
    void anotherUsersPageTagNever304sEvenForAnEquallyEmptyPage() {
        HttpApiResponse alicesEmpty = alice.get("/todos");
        assertEquals(0, alicesEmpty.json().path("items").size());

        HttpApiResponse bobs = bob.header("If-None-Match", alicesEmpty.header("ETag")).get("/todos");

        assertEquals(200, bobs.status(), bobs::toString);
        assertNotEquals(alicesEmpty.header("ETag"), bobs.header("ETag"));
    }

    private static String create(HttpApi user, String title) {
        HttpApiResponse created = user.post("/todos", "{\"title\":\"" + title + "\"}");
        assertEquals(201, created.status(), created::toString);
        return created.json().path("id").asText();
    }

    private static void assertCachingHeaders(HttpApiResponse response) {
        assertEquals("private, no-cache", response.header("Cache-Control"));
        assertEquals("Authorization", response.header("Vary"));
    }
}
