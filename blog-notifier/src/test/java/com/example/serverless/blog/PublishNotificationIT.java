package com.example.serverless.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.blog.config.BlogConfig;
import com.example.serverless.blog.subscriptions.UnsubscribeTokens;
import com.example.serverless.blog.support.BlogTables;
import com.example.serverless.blog.support.PostStream;
import com.example.serverless.blog.support.SesSandbox;
import com.example.serverless.blog.support.StreamResponses;
import com.example.serverless.blog.support.VerifiedSender;
import com.example.serverless.localcloud.InjectLocalCloud;
import com.example.serverless.localcloud.LocalCloud;
import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.MockEventServer;
import com.example.serverless.localcloud.SentEmail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Posts written to the local cloud's DynamoDB, their real stream records delivered through the mock event server,
 * and the emails its SES accepted. Each test uses its own tag and post ids, so tests share the tables. What the
 * local cloud cannot produce (throttling, paused sending, a malformed address) is covered in PostNotifierTest
 * against a fake of the domain's Mailer; SES's errors and the request's headers in SesV2MailerTest.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class PublishNotificationIT {

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
    private PostStream stream;

    @BeforeEach
    void readTheStream() {
        stream = new PostStream(cloud, tables);
    }

    @AfterEach
    void closeTheStream() {
        stream.close();
    }

    private String postId(String name) {
        return name + "-" + tag;
    }

    private String subscriber(String name, String status, Set<String> tags) {
        String id = name + "-" + tag;
        tables.putSubscriber(id, id + "@example.com", status, tags);
        return id;
    }

    /** Emails that announce this post. */
    private List<SentEmail> announcementsOf(String postId) {
        return cloud.sentEmails().stream().filter(email -> email.text().contains("/posts/" + postId + "\n")).toList();
    }

    /** Recipients of the emails that announce this post. */
    private List<String> recipientsOf(String postId) {
        return announcementsOf(postId).stream().map(email -> email.to().get(0)).toList();
    }

    private static JsonNode invoke(ObjectNode event) {
        return StreamResponses.read(MockEventServer.invoke(event.toString()));
    }

    private static List<String> failed(JsonNode response) {
        return StreamResponses.failedSequenceNumbers(response);
    }

    @Test
    void publishingAPostMailsEveryConfirmedInterestedSubscriberExactlyOnce() {
        List<String> readers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            readers.add(subscriber("reader" + i, "confirmed", Set.of(tag)));
        }
        String unsubscribed = subscriber("gone", "unsubscribed", Set.of(tag));
        String otherTopic = subscriber("other", "confirmed", Set.of("t-other-" + tag));
        String post = postId("post");

        tables.putPost(post, "Hello & welcome", "DRAFT", Set.of(tag, "java"));
        tables.setPostAttribute(post, "status", "PUBLISHED");
        JsonNode response = invoke(stream.nextEvent(Set.of(post), 2));

        assertEquals(List.of(), failed(response));
        List<String> recipients = recipientsOf(post);
        assertEquals(readers.stream().map(id -> id + "@example.com").sorted().toList(),
                recipients.stream().sorted().toList(), "one each, across pages of two");
        assertTrue(!recipients.contains(unsubscribed + "@example.com") && !recipients.contains(otherTopic + "@example.com"));

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
    }

    @Test
    void editsArchivingAndDeletingAPublishedPostSendNothing() {
        String reader = subscriber("reader", "confirmed", Set.of(tag));
        String post = postId("post");
        tables.putPost(post, "First title", "PUBLISHED", Set.of(tag));
        invoke(stream.nextEvent(Set.of(post), 1));
        assertEquals(1, recipientsOf(post).size());

        tables.putPost(post, "First title", "PUBLISHED", Set.of(tag));
        tables.setPostAttribute(post, "title", "Second title");
        tables.setPostAttribute(post, "status", "ARCHIVED");
        tables.deletePost(post);
        JsonNode response = invoke(stream.nextEvent(Set.of(post), 3));

        assertEquals(List.of(), failed(response));
        assertEquals(List.of(reader + "@example.com"), recipientsOf(post), "still only the first email");
    }

    @Test
    void duplicateDeliveryOfTheSameRecordsSendsNothingNew() {
        subscriber("reader-a", "confirmed", Set.of(tag));
        subscriber("reader-b", "confirmed", Set.of(tag));
        String post = postId("post");
        tables.putPost(post, "Once only", "PUBLISHED", Set.of(tag));
        ObjectNode event = stream.nextEvent(Set.of(post), 1);
        ObjectNode record = (ObjectNode) event.get("Records").get(0);

        invoke(event);
        invoke(event);
        JsonNode response = invoke(stream.event(List.of(record, record)));

        assertEquals(List.of(), failed(response));
        assertEquals(2, recipientsOf(post).size(), "one email each: the repeats sent nothing");
    }

    @Test
    void aBadRecordIsReportedAloneByItsSequenceNumberAndLaterRecordsWaitForTheRetry() {
        String reader = subscriber("reader", "confirmed", Set.of(tag));
        String good = postId("good");
        String untitled = postId("untitled");
        String after = postId("after");
        tables.putPost(good, "Good", "PUBLISHED", Set.of(tag));
        tables.putPost(untitled, null, "PUBLISHED", Set.of(tag));
        tables.putPost(after, "After", "PUBLISHED", Set.of(tag));
        ObjectNode event = stream.nextEvent(Set.of(good, untitled, after), 3);
        String badSequenceNumber = event.get("Records").get(1).get("dynamodb").get("SequenceNumber").asText();

        JsonNode response = invoke(event);

        assertEquals(List.of(badSequenceNumber), failed(response));
        assertEquals(List.of(reader + "@example.com"), recipientsOf(good));
        assertEquals(List.of(), recipientsOf(after), "shard order: Lambda retries from the failed record");

        // After MaximumRetryAttempts the bad record goes to the on-failure queue and the shard moves on.
        ObjectNode rest = stream.event(List.of((ObjectNode) event.get("Records").get(2)));
        assertEquals(List.of(), failed(invoke(rest)));
        assertEquals(List.of(reader + "@example.com"), recipientsOf(after));
    }

    @Test
    void anUnverifiedSenderFailsTheRecordAndBouncesNobody() {
        String reader = subscriber("reader", "confirmed", Set.of(tag));
        String post = postId("post");
        tables.putPost(post, "Unverified", "PUBLISHED", Set.of(tag));
        ObjectNode event = stream.nextEvent(Set.of(post), 1);
        sender.withdraw();
        JsonNode failed;
        try {
            failed = invoke(event);
        } finally {
            sender.verify();
        }

        assertEquals(1, failed(failed).size(), "the record fails and is retried");
        assertEquals("confirmed", tables.subscriber(reader).get("status").s(), "the reader is not bounced");
        assertTrue(tables.ledgerEntry(post, reader).isEmpty(), "the claim is given back");

        assertEquals(List.of(), failed(invoke(event)));
        assertEquals(List.of(reader + "@example.com"), recipientsOf(post));
    }

    @Test
    void aRecipientRefusedInTheSesSandboxFailsTheRecordAndBouncesNobody() {
        String first = subscriber("reader-a", "confirmed", Set.of(tag));
        String second = subscriber("reader-b", "confirmed", Set.of(tag));
        String post = postId("post");
        tables.putPost(post, "Sandboxed", "PUBLISHED", Set.of(tag));
        ObjectNode event = stream.nextEvent(Set.of(post), 1);
        sandbox.enter();
        JsonNode refused;
        try {
            refused = invoke(event);
        } finally {
            sandbox.leave();
        }

        assertEquals(1, failed(refused).size(), "the record fails and is retried");
        for (String reader : List.of(first, second)) {
            assertEquals("confirmed", tables.subscriber(reader).get("status").s(), reader + " is not bounced");
            assertTrue(tables.ledgerEntry(post, reader).isEmpty(), "no claim is kept for " + reader);
        }

        assertEquals(List.of(), failed(invoke(event)));
        assertEquals(List.of(first + "@example.com", second + "@example.com"), recipientsOf(post).stream().sorted().toList());
    }

    @Test
    void aSubscriberRowWithoutEmailIsSkippedAndCountedAndTheOthersOnItsPageAreMailedOnce() {
        // Ids that sort together: with pages of two, the row without email shares a page with a neighbour.
        String first = tag + "-a";
        String withoutEmail = tag + "-b";
        String third = tag + "-c";
        tables.putSubscriber(first, first + "@example.com", "confirmed", Set.of(tag));
        tables.putSubscriber(withoutEmail, null, "confirmed", Set.of(tag));
        tables.putSubscriber(third, third + "@example.com", "confirmed", Set.of(tag));
        String post = postId("post");
        tables.putPost(post, "Despite a bad row", "PUBLISHED", Set.of(tag));
        ObjectNode event = stream.nextEvent(Set.of(post), 1);

        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        JsonNode response;
        try {
            response = invoke(event);
        } finally {
            System.setOut(original);
        }

        assertEquals(List.of(), failed(response));
        assertEquals(List.of(first + "@example.com", third + "@example.com"), recipientsOf(post).stream().sorted().toList());
        assertTrue(tables.ledgerEntry(post, withoutEmail).isEmpty(), "nothing is claimed for the row without email");
        List<JsonNode> skippedCounts = printed.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("{\"_aws\"")).map(StreamResponses::read)
                .filter(emf -> emf.has("SubscribersSkipped")).toList();
        assertEquals(1, skippedCounts.size(), printed.toString(StandardCharsets.UTF_8));
        assertEquals(1, skippedCounts.get(0).path("SubscribersSkipped").asInt());
        assertEquals("blog-notifier", skippedCounts.get(0).path("Service").asText());

        assertEquals(List.of(), failed(invoke(event)));
        assertEquals(2, recipientsOf(post).size(), "the redelivery sends nothing new");
    }
}
