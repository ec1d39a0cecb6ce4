package com.example.serverless.blogapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.blogapi.support.BlogApiFixture;
import com.example.serverless.localcloud.HttpApi;
import com.example.serverless.localcloud.HttpApiResponse;
import com.example.serverless.localcloud.LocalCloudResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Readers: published posts only, newest first, paged; one post by slug; cacheable with conditional GET. */
@QuarkusTest
@TestProfile(ReaderIT.OwnPosts.class)
@WithTestResource(LocalCloudResource.class)
class ReaderIT {

    /** An application (and so an account and a posts table) of its own: the list holds exactly what this class put. */
    public static class OwnPosts implements QuarkusTestProfile {
    }

    private static final Instant FIRST = Instant.parse("2026-11-01T08:00:00Z");
    private static final int PUBLISHED = 5;

    @Inject
    BlogApiFixture fixture;

    private final HttpApi reader = HttpApi.withoutClaims();

    @BeforeEach
    void fivePublishedPostsAndTwoDrafts() {
        for (int i = 0; i < PUBLISHED; i++) {
            fixture.putPost("post-" + i, "Post " + i, Optional.of(FIRST.plusSeconds(3600L * i)), Set.of("java"));
        }
        fixture.putPost("draft-a", "Draft A", Optional.empty(), Set.of());
        fixture.putPost("draft-b", "Draft B", Optional.empty(), Set.of("java"));
    }

    @Test
    void pagesListEveryPublishedPostOnceNewestFirstAndNoDraft() {
        List<String> seen = new ArrayList<>();
        String url = "/posts?limit=2";
        for (int pages = 0; pages < 10; pages++) {
            HttpApiResponse page = reader.get(url);
            assertEquals(200, page.status(), page::toString);
            page.json().path("items").forEach(item -> {
                seen.add(item.path("slug").asText());
                assertFalse(item.has("body"), "lists carry no bodies");
            });
            JsonNode next = page.json().path("next");
            if (next.isNull() || next.isMissingNode()) {
                break;
            }
            url = "/posts?limit=2&next=" + next.asText();
        }
        assertEquals(List.of("post-4", "post-3", "post-2", "post-1", "post-0"), seen);
    }

    @Test
    void aPublishedPostIsReadBySlugADraftOrUnknownOneIsNotFound() {
        HttpApiResponse post = reader.get("/posts/post-2");

        assertEquals(200, post.status(), post::toString);
        assertEquals("Post 2", post.json().path("title").asText());
        assertEquals("<p>Post 2</p>", post.json().path("body").asText());
        assertEquals("published", post.json().path("status").asText());
        assertEquals(FIRST.plusSeconds(7200).toString(), post.json().path("publishedAt").asText());
        for (String hidden : List.of("draft-a", "no-such-post", "POST-2", "post-2..", "%2e%2e")) {
            assertEquals("not-found", reader.get("/posts/" + hidden).problemSlug(), hidden);
        }
    }

    @Test
    void readerResponsesAreCacheableAndAnsweredNotModifiedWhileUnchanged() {
        HttpApiResponse first = reader.get("/posts/post-1");
        String etag = first.header("ETag");
        assertTrue(etag != null && etag.matches("\"[0-9a-f]{32}\""), etag);
        assertEquals("public, max-age=300", first.header("Cache-Control"));
        assertEquals("public, max-age=60", reader.get("/posts").header("Cache-Control"));

        HttpApiResponse again = reader.header("If-None-Match", etag).get("/posts/post-1");
        assertEquals(304, again.status());
        assertEquals("", again.body());
        assertEquals(etag, again.header("ETag"));

        fixture.putPost("post-1", "Post 1, corrected", Optional.of(FIRST.plusSeconds(3600)), Set.of("java"));
        HttpApiResponse changed = reader.header("If-None-Match", etag).get("/posts/post-1");
        assertEquals(200, changed.status());
        assertNotEquals(etag, changed.header("ETag"));
    }

    @Test
    void badListParametersAreRefusedByName() {
        for (String limit : List.of("0", "51", "-1", "abc", "1.5", "99999999999")) {
            HttpApiResponse response = reader.get("/posts?limit=" + limit);
            assertEquals("validation", response.problemSlug(), limit);
            assertEquals("limit", response.json().at("/errors/0/field").asText());
        }
        String notAKey = Base64.getUrlEncoder().encodeToString("no key here".getBytes(StandardCharsets.UTF_8));
        String badDate = Base64.getUrlEncoder().encodeToString("yesterday\npost-1".getBytes(StandardCharsets.UTF_8));
        for (String cursor : List.of("!!!", notAKey, badDate, "YQ")) {
            assertEquals("bad-cursor", reader.get("/posts?next=" + cursor).problemSlug(), cursor);
        }
    }
}
