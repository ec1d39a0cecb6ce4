package com.example.serverless.blogapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.blog.subscriptions.ConfirmationTokens;
import com.example.serverless.blog.subscriptions.ConfirmationTokens.Confirmation;
import com.example.serverless.blogapi.config.BlogApiConfig;
import com.example.serverless.blogapi.support.BlogApiFixture;
import com.example.serverless.localcloud.HttpApi;
import com.example.serverless.localcloud.HttpApiResponse;
import com.example.serverless.localcloud.InjectLocalCloud;
import com.example.serverless.localcloud.LocalCloud;
import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.SentEmail;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Double opt-in: 202 whatever the state, one email per cooldown, a link that confirms once. */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class SubscriptionIT {

    @InjectLocalCloud
    LocalCloud cloud;

    @Inject
    BlogApiFixture fixture;

    @Inject
    ConfirmationTokens confirmationTokens;

    @Inject
    SesV2Client ses;

    @Inject
    BlogApiConfig config;

    private final HttpApi visitor = HttpApi.withoutClaims();

    @Test
    void aRequestMailsOneLinkThatConfirmsOnce() {
        String address = newAddress();

        HttpApiResponse accepted = subscribe(address, "[\"java\",\"aws\"]");

        assertEquals(202, accepted.status(), accepted::toString);
        assertEquals("check-your-inbox", accepted.json().path("status").asText());
        Map<String, AttributeValue> pending = onlyRowOf(address);
        assertEquals("pending", pending.get("status").s());
        assertEquals(List.of("aws", "java"), pending.get("tags").ss().stream().sorted().toList());
        String token = tokenOf(onlyMailTo(address));

        HttpApiResponse confirmed = confirm(token);
        assertEquals(200, confirmed.status(), confirmed::toString);
        assertEquals("confirmed", onlyRowOf(address).get("status").s());

        assertEquals("link-used", confirm(token).problemSlug(), "a link works once");
        assertEquals("confirmed", onlyRowOf(address).get("status").s());
    }

    @Test
    void withoutTheSiteTheLinkOpensThisApisPageWhoseButtonConfirms() {
        String address = newAddress();
        subscribe(address, "[]");
        String token = tokenOf(onlyMailTo(address));

        HttpApiResponse page = visitor.get("/confirm?token=" + token);
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains("<input type=\"hidden\" name=\"token\" value=\"" + token + "\">"), page.body());
        assertEquals("pending", onlyRowOf(address).get("status").s(), "a GET changes nothing");
        assertEquals("invalid-link", visitor.get("/confirm?token=forged").problemSlug());

        HttpApi form = visitor.header("Content-Type", "application/x-www-form-urlencoded");
        assertEquals(200, form.post("/confirm", "token=" + token).status());
        assertEquals("confirmed", onlyRowOf(address).get("status").s());
        assertEquals("link-used", form.post("/confirm", "token=" + token).problemSlug());
    }

    @Test
    void theAnswerIsTheSameWhateverTheAddressesStateAndNoSecondMailGoesOut() {
        String address = newAddress();
        subscribe(address, "[]");
        HttpApiResponse again = subscribe(address.toUpperCase(), "[]");

        assertEquals(202, again.status());
        assertEquals(1, mailsTo(address).size() + mailsTo(address.toUpperCase()).size(), "one mail per cooldown");
        confirm(tokenOf(onlyMailTo(address)));

        HttpApiResponse whileConfirmed = subscribe(address, "[\"other\"]");
        assertEquals(202, whileConfirmed.status());
        assertEquals(accepted(), whileConfirmed.body(), "no hint that the address is subscribed");
        assertEquals(1, mailsTo(address).size());
        assertEquals("confirmed", onlyRowOf(address).get("status").s());
    }

    @Test
    void aConfirmationEmailSesRefusedHoldsBackNoRetry() {
        String address = newAddress();
        ses.deleteEmailIdentity(b -> b.emailIdentity(config.senderEmail()));
        try {
            HttpApiResponse refused = subscribe(address, "[]");
            assertEquals(500, refused.status(), "SES refuses our unverified sender: our failure, not the reader's");
            assertEquals("internal", refused.problemSlug());
        } finally {
            ses.createEmailIdentity(b -> b.emailIdentity(config.senderEmail()));
        }

        assertEquals(202, subscribe(address, "[]").status());
        assertEquals(1, mailsTo(address).size(), "the retry is mailed at once: the failed request held no cooldown");
    }

    @Test
    void aBouncedAddressGetsNoMail() {
        String address = newAddress();
        subscribe(address, "[]");
        String subscriberId = onlyRowOf(address).get("subscriberId").s();
        fixture.putSubscriber(subscriberId, address, "bounced");
        int before = mailsTo(address).size();

        assertEquals(202, subscribe(address, "[]").status());
        assertEquals(before, mailsTo(address).size());
    }

    @Test
    void expiredTamperedAndForeignTokensAreRefusedAndChangeNothing() {
        String address = newAddress();
        subscribe(address, "[]");
        Map<String, AttributeValue> row = onlyRowOf(address);
        String genuine = tokenOf(onlyMailTo(address));
        String expired = confirmationTokens.issue(new Confirmation(row.get("subscriberId").s(),
                row.get("confirmationNonce").s()), Instant.now().minus(Duration.ofDays(2)));
        String otherNonce = confirmationTokens.issue(new Confirmation(row.get("subscriberId").s(), "not-the-nonce"),
                Instant.now());
        int middle = genuine.length() - 10;
        String tampered = genuine.substring(0, middle) + (genuine.charAt(middle) == 'A' ? 'B' : 'A') + genuine.substring(middle + 1);

        assertEquals("link-expired", confirm(expired).problemSlug());
        assertEquals(410, confirm(expired).status());
        assertEquals("invalid-link", confirm(tampered).problemSlug());
        assertEquals("link-used", confirm(otherNonce).problemSlug(), "superseded by a newer request");
        // A key id that was never ours reads as a retired one: "link-expired" (TokenSigner cannot tell them apart).
        assertEquals("link-expired", confirm("k.YQ.YQ").problemSlug());
        for (String garbage : List.of("x", "a.b.c", ".", "abc.def")) {
            assertEquals("invalid-link", confirm(garbage).problemSlug(), garbage);
        }
        assertEquals("pending", onlyRowOf(address).get("status").s());
        assertEquals(200, confirm(genuine).status(), "control: the genuine link still works");
    }

    @Test
    void badRequestsAreRefusedByFieldAndStoreAndMailNothing() {
        String address = newAddress();
        List<String> bodies = List.of(
                "{\"email\":\"" + address + "\"}",
                "{\"tags\":[]}",
                "{\"email\":null,\"tags\":[]}",
                "{\"email\":123,\"tags\":[]}",
                "{\"email\":\"no-at-sign\",\"tags\":[]}",
                "{\"email\":\"two@@example.com\",\"tags\":[]}",
                "{\"email\":\"spa ce@example.com\",\"tags\":[]}",
                "{\"email\":\"nodot@localhost\",\"tags\":[]}",
                "{\"email\":\"ad\u00e4@example.com\",\"tags\":[]}",
                "{\"email\":\"ada..lovelace@example.com\",\"tags\":[]}",
                "{\"email\":\"Ada <ada@example.com>\",\"tags\":[]}",
                "{\"email\":\"" + "a".repeat(250) + "@example.com\",\"tags\":[]}",
                "{\"email\":\"" + address + "\",\"tags\":\"java\"}",
                "{\"email\":\"" + address + "\",\"tags\":[\"UPPER\"]}",
                "{\"email\":\"" + address + "\",\"tags\":[\"" + "t".repeat(31) + "\"]}",
                "{\"email\":\"" + address + "\",\"tags\":[null]}",
                "{\"email\":\"" + address + "\",\"tags\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]}",
                "{\"email\":\"" + address + "\",\"tags\":[],\"admin\":true}",
                "[\"" + address + "\"]",
                "\"" + address + "\"");
        for (String body : bodies) {
            HttpApiResponse refused = visitor.post("/subscriptions", body);
            assertEquals(400, refused.status(), body + " -> " + refused);
            assertTrue(List.of("validation", "malformed-json").contains(refused.problemSlug()), body);
        }
        assertEquals("malformed-json", visitor.post("/subscriptions", "{\"email\":").problemSlug());
        assertEquals("validation", visitor.post("/subscriptions", "").problemSlug());
        assertEquals("unsupported-media-type", visitor.header("Content-Type", "text/plain")
                .post("/subscriptions", "{\"email\":\"" + address + "\",\"tags\":[]}").problemSlug());
        assertEquals("unsupported-media-type", visitor.withoutHeader("Content-Type")
                .post("/subscriptions", "{\"email\":\"" + address + "\",\"tags\":[]}").problemSlug());
        assertEquals("payload-too-large", visitor.post("/subscriptions",
                "{\"email\":\"" + address + "\",\"tags\":[],\"pad\":\"" + "x".repeat(300_000) + "\"}").problemSlug());
        for (String body : List.of("{}", "{\"token\":\"\"}", "{\"token\":\"" + "x".repeat(600) + "\"}", "{\"token\":7}")) {
            assertEquals(400, visitor.post("/subscriptions/confirmation", body).status(), body);
        }

        assertEquals(List.of(), fixture.subscribersWithEmail(address));
        assertEquals(List.of(), mailsTo(address));
    }

    @Test
    void anUnknownFieldIsNamed() {
        HttpApiResponse refused = visitor.post("/subscriptions", "{\"email\":\"" + newAddress() + "\",\"tags\":[],\"admin\":true}");

        assertEquals("validation", refused.problemSlug());
        assertEquals("admin", refused.json().at("/errors/0/field").asText());
    }

    private HttpApiResponse subscribe(String address, String tags) {
        return visitor.post("/subscriptions", "{\"email\":\"" + address + "\",\"tags\":" + tags + "}");
    }

    private HttpApiResponse confirm(String token) {
        return visitor.post("/subscriptions/confirmation", "{\"token\":\"" + token + "\"}");
    }

    private static String accepted() {
        return "{\"status\":\"check-your-inbox\"}";
    }

    private Map<String, AttributeValue> onlyRowOf(String address) {
        List<Map<String, AttributeValue>> rows = fixture.subscribersWithEmail(address);
        assertEquals(1, rows.size(), "rows of " + address + ": " + rows);
        return rows.getFirst();
    }

    private List<SentEmail> mailsTo(String address) {
        return cloud.sentEmails().stream().filter(mail -> mail.to().contains(address)).toList();
    }

    private SentEmail onlyMailTo(String address) {
        List<SentEmail> mails = mailsTo(address);
        assertEquals(1, mails.size(), "mails to " + address);
        assertEquals("Confirm your subscription", mails.getFirst().subject());
        return mails.getFirst();
    }

    /** The token of the link in the text part: {@code https://blog.example.com/confirm?token=...}. */
    private static String tokenOf(SentEmail mail) {
        String marker = "https://blog.example.com/confirm?token=";
        String line = mail.text().lines().filter(l -> l.startsWith(marker)).findFirst()
                .orElseThrow(() -> new AssertionError("no confirmation link in " + mail.text()));
        return line.substring(marker.length()).strip();
    }

    private static String newAddress() {
        return "reader-" + UUID.randomUUID() + "@example.com";
    }
}
