package com.example.serverless.blogapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.blogapi.support.BlogApiFixture;
import com.example.serverless.localcloud.HttpApi;
import com.example.serverless.localcloud.HttpApiResponse;
import com.example.serverless.localcloud.LocalCloudResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Authors (Cognito group "authors") write drafts and publish them, each write conditional on the ETag they saw. */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class AuthorIT {

    private final HttpApi author = HttpApi.newUser().inGroups("readers", "authors");

    @Inject
    BlogApiFixture fixture;

    @Test
    void aDraftIsWrittenEditedAndPublishedOnceWithItsEtags() {
        String slug = newSlug();

        HttpApiResponse created = author.post("/posts", draft(slug, "First title"));
        assertEquals(201, created.status(), created::toString);
        assertEquals("\"1\"", created.header("ETag"));
        assertTrue(created.header("Location").endsWith("/posts/" + slug), created.header("Location"));
        assertEquals("draft", created.json().path("status").asText());
        assertEquals("not-found", HttpApi.withoutClaims().get("/posts/" + slug).problemSlug(), "readers see no drafts");

        HttpApiResponse edited = author.header("If-Match", "\"1\"").put("/posts/" + slug, draft(null, "Second title"));
        assertEquals(200, edited.status(), edited::toString);
        assertEquals("\"2\"", edited.header("ETag"));

        HttpApiResponse published = author.header("If-Match", "\"2\"").post("/posts/" + slug + "/publication", null);
        assertEquals(200, published.status(), published::toString);
        assertEquals("published", published.json().path("status").asText());
        assertEquals("PUBLISHED", fixture.post(slug).get("status").s());
        assertTrue(fixture.post(slug).containsKey("publishedAt"));
        assertEquals("Second title", HttpApi.withoutClaims().get("/posts/" + slug).json().path("title").asText());

        assertEquals("conflict", author.header("If-Match", "\"3\"").post("/posts/" + slug + "/publication", null).problemSlug(),
                "published once");
    }

    @Test
    void staleMissingOrMalformedPreconditionsAreRefusedAndChangeNothing() {
        String slug = newSlug();
        author.post("/posts", draft(slug, "Title"));
        author.header("If-Match", "\"1\"").put("/posts/" + slug, draft(null, "Title two"));

        assertEquals("precondition-failed", author.header("If-Match", "\"1\"").put("/posts/" + slug, draft(null, "Lost")).problemSlug());
        assertEquals("precondition-failed", author.header("If-Match", "\"1\"").post("/posts/" + slug + "/publication", null).problemSlug());
        assertEquals("precondition-required", author.put("/posts/" + slug, draft(null, "Lost")).problemSlug());
        assertEquals("precondition-required", author.post("/posts/" + slug + "/publication", null).problemSlug());
        for (String malformed : List.of("2", "W/\"2\"", "*", "\"two\"", "\"0\"")) {
            assertEquals("precondition-failed", author.header("If-Match", malformed).put("/posts/" + slug, draft(null, "Lost"))
                    .problemSlug(), malformed);
        }
        assertEquals("Title two", fixture.post(slug).get("title").s());
        assertEquals("DRAFT", fixture.post(slug).get("status").s());
        assertEquals("not-found", author.header("If-Match", "\"1\"").put("/posts/" + newSlug(), draft(null, "x")).problemSlug());
    }

    @Test
    void onlyAuthorsWrite() {
        String slug = newSlug();
        author.post("/posts", draft(slug, "Title"));
        for (HttpApi outsider : List.of(HttpApi.newUser(), HttpApi.newUser().inGroups("readers", "authors-in-training"))) {
            assertEquals("forbidden", outsider.post("/posts", draft(newSlug(), "Nope")).problemSlug());
            assertEquals("forbidden", outsider.header("If-Match", "\"1\"").put("/posts/" + slug, draft(null, "Nope")).problemSlug());
            assertEquals("forbidden", outsider.header("If-Match", "\"1\"").post("/posts/" + slug + "/publication", null).problemSlug());
        }
        assertEquals("unauthenticated", HttpApi.withoutClaims().post("/posts", draft(newSlug(), "Nope")).problemSlug());
        assertEquals("Title", fixture.post(slug).get("title").s());
        assertEquals("DRAFT", fixture.post(slug).get("status").s());
    }

    @Test
    void badDraftsAreRefusedByFieldAndStoreNothing() {
        String slug = newSlug();
        List<String> bodies = List.of(
                draft("Bad Slug", "Title"),
                draft("-leading-dash", "Title"),
                draft("x".repeat(81), "Title"),
                draft(null, "Title"),
                draft(slug, ""),
                draft(slug, "t".repeat(201)),
                "{\"slug\":\"" + slug + "\",\"title\":\"T\",\"summary\":\"\",\"tags\":[]}",
                "{\"slug\":\"" + slug + "\",\"title\":\"T\",\"summary\":\"\",\"body\":\"b\",\"tags\":[\"Java\"]}",
                "{\"slug\":\"" + slug + "\",\"title\":\"T\",\"summary\":\"\",\"body\":\"b\",\"tags\":[],\"status\":\"PUBLISHED\"}",
                "{\"slug\":\"" + slug + "\",\"title\":[\"T\"],\"summary\":\"\",\"body\":\"b\",\"tags\":[]}",
                "{\"slug\":\"" + slug + "\",\"title\":\"T\",\"summary\":\"" + "s".repeat(501) + "\",\"body\":\"b\",\"tags\":[]}");
        for (String body : bodies) {
            assertEquals("validation", author.post("/posts", body).problemSlug(), body.length() > 200 ? body.substring(0, 200) : body);
        }
        assertEquals("malformed-json", author.post("/posts", "{\"slug\":").problemSlug());
        assertNull(fixture.post(slug).get("postId"), "nothing stored");

        author.post("/posts", draft(slug, "Taken"));
        assertEquals("conflict", author.post("/posts", draft(slug, "Again")).problemSlug());
        assertEquals("validation", author.header("If-Match", "\"1\"").put("/posts/" + slug, draft("another-slug", "x")).problemSlug());
        assertEquals("Taken", fixture.post(slug).get("title").s());
    }

    private static String draft(String slug, String title) {
        return "{" + (slug == null ? "" : "\"slug\":\"" + slug + "\",") + "\"title\":\"" + title
                + "\",\"summary\":\"What it is about\",\"body\":\"<p>Hello</p>\",\"tags\":[\"java\"]}";
    }

    private static String newSlug() {
        return "post-" + UUID.randomUUID();
    }
}
