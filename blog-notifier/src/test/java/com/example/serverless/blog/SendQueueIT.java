package com.example.serverless.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.blog.config.BlogConfig;
import com.example.serverless.blog.subscriptions.Announcement;
import com.example.serverless.blog.subscriptions.AnnouncementMessages;
import com.example.serverless.blog.subscriptions.UnsubscribeTokens;
import com.example.serverless.blog.support.BlogTables;
import com.example.serverless.blog.support.SesSandbox;
import com.example.serverless.blog.support.VerifiedSender;
import com.example.serverless.localcloud.InjectLocalCloud;
import com.example.serverless.localcloud.LocalCloud;
import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.MockEventServer;
import com.example.serverless.localcloud.SentEmail;
import com.example.serverless.localcloud.SqsEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Send-queue messages handed to the function as Lambda's SQS event source mapping would, the subscribers and ledger in
 * the local cloud's DynamoDB, and the emails its SES accepted. Each test uses its own tag, post and subscriber ids,
 * so tests share the tables. What the local cloud cannot produce (throttling, paused sending, a malformed address)
 * is covered in AnnouncementSenderTest against a fake Mailer; SES's errors and the request's headers in
 * email-sending's SesV2MailerTest.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class SendQueueIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    BlogTables tables;

    @Inject
    BlogConfig config;

    @Inject
    UnsubscribeTokens unsubscribeTokens;

    @Inject
    VerifiedSender sender;

    @Inject
    SesSandbox sandbox;

    @InjectLocalCloud
    LocalCloud cloud;

    private final String tag = "t-" + UUID.randomUUID();

    private String postId(String name) {
        return name + "-" + tag;
    }

    private String subscriber(String name, String status, Set<String> tags) {
        String id = name + "-" + tag;
        tables.putSubscriber(id, id + "@example.com", status, tags);
        return id;
    }

    private String message(String postId, String title, List<String> subscriberIds) {
        return AnnouncementMessages.body(new Announcement(postId, title, "What " + postId + " is about.", Set.of(tag, "java"),
                subscriberIds));
    }

    /** Emails that announce this post. */
    private List<SentEmail> announcementsOf(String postId) {
        return cloud.sentEmails().stream().filter(email -> email.text().contains("/posts/" + postId + "\n")).toList();
    }

    /** Recipients of the emails that announce this post. */
    private List<String> recipientsOf(String postId) {
        return announcementsOf(postId).stream().map(email -> email.to().get(0)).sorted().toList();
    }

    /** One SQS batch of these bodies (message ids m-0, m-1, ...); the ids of the messages the function failed. */
    private static List<String> failed(String... bodies) {
        try {
            JsonNode response = JSON.readTree(MockEventServer.invoke(SqsEvents.of("blog-send", List.of(bodies))));
            List<String> failed = new ArrayList<>();
            response.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
            return failed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> addresses(List<String> subscriberIds) {
        return subscriberIds.stream().map(id -> id + "@example.com").sorted().toList();
    }

    @Test
    void aMessageMailsEveryConfirmedInterestedSubscriberOfItsPageExactlyOnce() {
        List<String> readers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            readers.add(subscriber("reader" + i, "confirmed", Set.of(tag)));
        }
        String unsubscribed = subscriber("gone", "unsubscribed", Set.of(tag));
        String otherTopic = subscriber("other", "confirmed", Set.of("t-other-" + tag));
        List<String> page = new ArrayList<>(readers);
        page.add(unsubscribed);
        page.add(otherTopic);
        page.add("never-existed-" + tag);
        String post = postId("post");

        assertEquals(List.of(), failed(message(post, "Hello & welcome", page)));

        assertEquals(addresses(readers), recipientsOf(post), "one each; not the unsubscribed, uninterested or unknown");
        SentEmail email = announcementsOf(post).stream().filter(e -> e.to().equals(List.of(readers.get(0) + "@example.com")))
                .findFirst().orElseThrow();
        assertEquals(config.senderEmail(), email.from());
        assertEquals("New on the blog: Hello & welcome", email.subject());
        assertTrue(email.html().contains("Hello &amp; welcome"));
        String link = email.text().lines().filter(line -> line.contains("token=")).findFirst().orElseThrow();
        String token = link.substring(link.indexOf("token=") + 6).strip();
        assertEquals(readers.get(0), unsubscribeTokens.verify(token, Instant.now()), "the link unsubscribes its own reader");
        var ledger = tables.ledgerEntry(post, readers.get(0)).orElseThrow();
        assertEquals("sent", ledger.get("state").s());
        assertEquals(email.id(), ledger.get("messageId").s());
        assertNotNull(ledger.get("expiresAt").n());
        assertTrue(!ledger.containsKey("pendingClaim") && !ledger.containsKey("pendingSince"),
                "a finished claim leaves the sparse index of pending claims");
    }

    @Test
    void aRedeliveredMessageOrTheSamePageTwiceSendsNothingNew() {
        List<String> page = List.of(subscriber("reader-a", "confirmed", Set.of(tag)), subscriber("reader-b", "confirmed", Set.of(tag)));
        String post = postId("post");
        String body = message(post, "Once only", page);

        assertEquals(List.of(), failed(body));
        assertEquals(List.of(), failed(body));
        assertEquals(List.of(), failed(body, body));

        assertEquals(addresses(page), recipientsOf(post), "one email each: the repeats sent nothing");
    }

    @Test
    void whoUnsubscribedAfterTheFanOutGetsNothing() {
        String stays = subscriber("stays", "confirmed", Set.of(tag));
        String leaves = subscriber("leaves", "confirmed", Set.of(tag));
        String post = postId("post");
        String body = message(post, "Too late for some", List.of(stays, leaves));
        tables.putSubscriber(leaves, leaves + "@example.com", "unsubscribed", Set.of(tag));

        assertEquals(List.of(), failed(body));

        assertEquals(addresses(List.of(stays)), recipientsOf(post), "the page is read again, consistently, before sending");
    }

    @Test
    void aPoisonMessageFailsAloneAndItsNeighboursAreSent() {
        String reader = subscriber("reader", "confirmed", Set.of(tag));
        String post = postId("post");

        List<String> failed = failed("not json", message(post, "Fine", List.of(reader)),
                "{\"postId\":\"p\",\"title\":\"t\",\"subscriberIds\":[]}");

        assertEquals(List.of("m-0", "m-2"), failed, "retried, then parked in the DLQ by the queue's redrive policy");
        assertEquals(addresses(List.of(reader)), recipientsOf(post));
    }

    @Test
    void anUnverifiedSenderFailsTheMessageAndBouncesNobody() {
        String reader = subscriber("reader", "confirmed", Set.of(tag));
        String post = postId("post");
        String body = message(post, "Unverified", List.of(reader));
        sender.withdraw();
        List<String> refused;
        try {
            refused = failed(body);
        } finally {
            sender.verify();
        }

        assertEquals(List.of("m-0"), refused, "the message fails and is redelivered");
        assertEquals("confirmed", tables.subscriber(reader).get("status").s(), "the reader is not bounced");
        assertTrue(tables.ledgerEntry(post, reader).isEmpty(), "the claim is given back");

        assertEquals(List.of(), failed(body));
        assertEquals(addresses(List.of(reader)), recipientsOf(post));
    }

    @Test
    void aRecipientRefusedInTheSesSandboxFailsTheMessageAndBouncesNobody() {
        String first = subscriber("reader-a", "confirmed", Set.of(tag));
        String second = subscriber("reader-b", "confirmed", Set.of(tag));
        String post = postId("post");
        String body = message(post, "Sandboxed", List.of(first, second));
        sandbox.enter();
        List<String> refused;
        try {
            refused = failed(body);
        } finally {
            sandbox.leave();
        }

        assertEquals(List.of("m-0"), refused, "the message fails and is redelivered");
        for (String reader : List.of(first, second)) {
            assertEquals("confirmed", tables.subscriber(reader).get("status").s(), reader + " is not bounced");
            assertTrue(tables.ledgerEntry(post, reader).isEmpty(), "no claim is kept for " + reader);
        }

        assertEquals(List.of(), failed(body));
        assertEquals(addresses(List.of(first, second)), recipientsOf(post));
    }

    @Test
    void aSubscriberRowWithoutEmailIsSkippedAndCountedAndTheOthersOfItsPageAreMailedOnce() {
        String first = subscriber("a", "confirmed", Set.of(tag));
        String withoutEmail = "b-" + tag;
        tables.putSubscriber(withoutEmail, null, "confirmed", Set.of(tag));
        String third = subscriber("c", "confirmed", Set.of(tag));
        String post = postId("post");
        String body = message(post, "Despite a bad row", List.of(first, withoutEmail, third));

        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        List<String> failed;
        try {
            failed = failed(body);
        } finally {
            System.setOut(original);
        }

        assertEquals(List.of(), failed);
        assertEquals(addresses(List.of(first, third)), recipientsOf(post));
        assertTrue(tables.ledgerEntry(post, withoutEmail).isEmpty(), "nothing is claimed for the row without email");
        List<JsonNode> metrics = printed.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("{\"_aws\"")).map(SendQueueIT::json).toList();
        assertEquals(1, metrics.size(), printed.toString(StandardCharsets.UTF_8));
        assertEquals(1, metrics.get(0).path("SubscribersSkipped").asInt());
        assertEquals(2, metrics.get(0).path("EmailsSent").asInt());
        assertEquals("blog-notifier", metrics.get(0).path("Service").asText());

        assertEquals(List.of(), failed(body));
        assertEquals(2, recipientsOf(post).size(), "the redelivery sends nothing new");
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
