package com.example.serverless.blogapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.blog.subscriptions.UnsubscribeTokens;
import com.example.serverless.blogapi.support.BlogApiFixture;
import com.example.serverless.localcloud.HttpApi;
import com.example.serverless.localcloud.HttpApiResponse;
import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.signing.TokenSigner;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The unsubscribe link blog-notifier puts in every announcement (issued here with the same keys and class): a page
 * on GET that changes nothing, RFC 8058's one-click POST that unsubscribes, as often as it comes.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class UnsubscribeIT {

    private static final HttpApi MAILBOX = HttpApi.withoutClaims().header("Content-Type", "application/x-www-form-urlencoded");

    @Inject
    BlogApiFixture fixture;

    @Inject
    TokenSigner linkSigner;

    @Test
    void theLinkShowsAPageAndTheOneClickPostUnsubscribesIdempotently() {
        String subscriber = confirmedSubscriber();
        String token = tokens().issue(subscriber, Instant.now());

        HttpApiResponse page = HttpApi.withoutClaims().get("/unsubscribe?token=" + token);
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
        assertTrue(page.body().contains("action=\"unsubscribe?token=" + token + "\""), page.body());
        assertTrue(page.body().contains("name=\"List-Unsubscribe\" value=\"One-Click\""), page.body());
        assertEquals("confirmed", status(subscriber), "a GET changes nothing (mail scanners follow links)");

        HttpApiResponse done = MAILBOX.post("/unsubscribe?token=" + token, "List-Unsubscribe=One-Click");
        assertEquals(200, done.status(), done::toString);
        assertEquals("unsubscribed", status(subscriber));
        assertEquals(200, MAILBOX.post("/unsubscribe?token=" + token, "List-Unsubscribe=One-Click").status(),
                "providers may send the one-click POST more than once");
        assertEquals("unsubscribed", status(subscriber));
    }

    @Test
    void aBouncedAddressStaysSuppressed() {
        String subscriber = "sub-" + UUID.randomUUID();
        fixture.putSubscriber(subscriber, subscriber + "@example.com", "bounced");

        assertEquals(200, MAILBOX.post("/unsubscribe?token=" + tokens().issue(subscriber, Instant.now()),
                "List-Unsubscribe=One-Click").status());
        assertEquals("bounced", status(subscriber));
    }

    @Test
    void badLinksAndBodiesAreRefusedAndChangeNothing() {
        String subscriber = confirmedSubscriber();
        String genuine = tokens().issue(subscriber, Instant.now());
        String expired = tokens().issue(subscriber, Instant.now().minus(Duration.ofDays(61)));
        String forOther = tokens().issue("someone-else", Instant.now());
        int middle = genuine.length() - 10;
        String tampered = genuine.substring(0, middle) + (genuine.charAt(middle) == 'A' ? 'B' : 'A') + genuine.substring(middle + 1);

        assertEquals("link-expired", MAILBOX.post("/unsubscribe?token=" + expired, "List-Unsubscribe=One-Click").problemSlug());
        assertEquals("link-expired", HttpApi.withoutClaims().get("/unsubscribe?token=" + expired).problemSlug());
        for (String bad : List.of(tampered, "", "x", "a.b.c")) {
            assertEquals("invalid-link", MAILBOX.post("/unsubscribe?token=" + bad, "List-Unsubscribe=One-Click").problemSlug(), bad);
            assertEquals("invalid-link", HttpApi.withoutClaims().get("/unsubscribe?token=" + bad).problemSlug(), bad);
        }
        assertEquals("invalid-link", HttpApi.withoutClaims().get("/unsubscribe").problemSlug(), "no token at all");
        for (String body : List.of("", "List-Unsubscribe=Yes", "list-unsubscribe=One-Click", "One-Click")) {
            assertEquals("validation", MAILBOX.post("/unsubscribe?token=" + genuine, body).problemSlug(), body);
        }
        assertEquals("unsupported-media-type", HttpApi.withoutClaims()
                .post("/unsubscribe?token=" + genuine, "{\"List-Unsubscribe\":\"One-Click\"}").problemSlug());
        assertEquals(200, MAILBOX.post("/unsubscribe?token=" + forOther, "List-Unsubscribe=One-Click").status(),
                "a subscriber that is gone: nothing to do");

        assertEquals("confirmed", status(subscriber));
    }

    private String confirmedSubscriber() {
        String subscriber = "sub-" + UUID.randomUUID();
        fixture.putSubscriber(subscriber, subscriber + "@example.com", "confirmed");
        return subscriber;
    }

    private UnsubscribeTokens tokens() {
        return new UnsubscribeTokens(linkSigner, Duration.ofDays(60));
    }

    private String status(String subscriber) {
        return fixture.subscriber(subscriber).get("status").s();
    }
}
