package com.example.serverless.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.blog.config.BlogConfig;
import com.example.serverless.blog.domain.UnsubscribeTokens;
import com.example.serverless.blog.support.BlogTables;
import com.example.serverless.blog.support.MockLambda;
import com.example.serverless.blog.support.PostStream;
import com.example.serverless.localaws.InjectSesV2StandIn;
import com.example.serverless.localaws.LocalDynamoDbTestResource;
import com.example.serverless.localaws.LocalSesTestResource;
import com.example.serverless.localaws.SesV2StandIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Posts written to DynamoDB Local, their real stream records delivered through the mock event server, and the
 * emails the SES v2 stand-in received. Each test uses its own tag and post ids, so tests share the tables.
 */
@QuarkusTest
@WithTestResource(value = LocalDynamoDbTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = LocalSesTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PublishNotificationIT {

    @Inject
    BlogTables tables;

    @Inject
    PostStream stream;

    @Inject
    BlogConfig config;

    @InjectSesV2StandIn
    SesV2StandIn ses;

    private final String tag = "t-" + UUID.randomUUID();

    @BeforeEach
    void resetSes() {
        ses.reset();
    }

    private String postId(String name) {
        return name + "-" + tag;
    }

    private String subscriber(String name, String status, Set<String> tags) {
        String id = name + "-" + tag;
        tables.putSubscriber(id, id + "@example.com", status, tags);
        return id;
    }

    /** Emails that announce this post, by recipient. */
    private List<String> recipientsOf(String postId) {
        return ses.sent().stream()
                .filter(email -> email.textBody().contains("/posts/" + postId + "\n"))
                .map(email -> email.to().get(0))
                .toList();
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
        JsonNode response = MockLambda.invoke(stream.nextEvent(Set.of(post), 2));

        assertEquals(List.of(), MockLambda.failedSequenceNumbers(response));
        List<String> recipients = recipientsOf(post);
        assertEquals(readers.stream().map(id -> id + "@example.com").sorted().toList(),
                recipients.stream().sorted().toList(), "one each, across pages of two");
        assertTrue(!recipients.contains(unsubscribed + "@example.com") && !recipients.contains(otherTopic + "@example.com"));

        SesV2StandIn.SentEmail email = ses.sentTo(readers.get(0) + "@example.com").get(0);
        assertEquals(config.senderEmail(), email.from());
        assertEquals(config.ses().configurationSet(), email.configurationSetName());
        assertEquals("New on the blog: Hello & welcome", email.subject());
        assertTrue(email.htmlBody().contains("Hello &amp; welcome"));
        assertEquals("List-Unsubscribe=One-Click", email.header("List-Unsubscribe-Post"));
        String unsubscribe = email.header("List-Unsubscribe");
        String token = unsubscribe.substring(unsubscribe.indexOf("token=") + 6, unsubscribe.length() - 1);
        UnsubscribeTokens tokens = new UnsubscribeTokens(config.unsubscribeSecret(), config.unsubscribeTokenValidity());
        assertEquals(readers.get(0), tokens.verify(token, Instant.now()), "the link unsubscribes its own reader");
        var ledger = tables.ledgerEntry(post, readers.get(0)).orElseThrow();
        assertEquals("sent", ledger.get("state").s());
        assertEquals(email.messageId(), ledger.get("messageId").s());
        assertNotNull(ledger.get("expiresAt").n());
    }

    @Test
    void editsArchivingAndDeletingAPublishedPostSendNothing() {
        String reader = subscriber("reader", "confirmed", Set.of(tag));
        String post = postId("post");
        tables.putPost(post, "First title", "PUBLISHED", Set.of(tag));
        MockLambda.invoke(stream.nextEvent(Set.of(post), 1));
        assertEquals(1, recipientsOf(post).size());

        tables.putPost(post, "First title", "PUBLISHED", Set.of(tag));
        tables.setPostAttribute(post, "title", "Second title");
        tables.setPostAttribute(post, "status", "ARCHIVED");
        tables.deletePost(post);
        JsonNode response = MockLambda.invoke(stream.nextEvent(Set.of(post), 3));

        assertEquals(List.of(), MockLambda.failedSequenceNumbers(response));
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

        MockLambda.invoke(event);
        MockLambda.invoke(event);
        JsonNode response = MockLambda.invoke(stream.event(List.of(record, record)));

        assertEquals(List.of(), MockLambda.failedSequenceNumbers(response));
        assertEquals(2, recipientsOf(post).size());
        assertEquals(2, ses.attempts().size(), "the repeats never even reached SES");
    }

    @Test
    void aThrottlingSesIsRetriedWithinTheInvocation() {
        String reader = subscriber("reader", "confirmed", Set.of(tag));
        String post = postId("post");
        tables.putPost(post, "Busy day", "PUBLISHED", Set.of(tag));
        ses.throttleNext(3);

        JsonNode response = MockLambda.invoke(stream.nextEvent(Set.of(post), 1));

        assertEquals(List.of(), MockLambda.failedSequenceNumbers(response));
        assertEquals(List.of(reader + "@example.com"), recipientsOf(post));
        assertEquals(4, ses.attempts().size(), "three throttled attempts, then the accepted one");
    }

    @Test
    void aRejectedAddressIsMarkedBouncedAndNeverTriedAgain() {
        String bouncing = subscriber("bouncing", "confirmed", Set.of(tag));
        String reader = subscriber("reader", "confirmed", Set.of(tag));
        ses.rejectAddress(bouncing + "@example.com");
        String first = postId("first");
        tables.putPost(first, "First", "PUBLISHED", Set.of(tag));

        JsonNode response = MockLambda.invoke(stream.nextEvent(Set.of(first), 1));

        assertEquals(List.of(), MockLambda.failedSequenceNumbers(response), "a rejected address fails no record");
        assertEquals(List.of(reader + "@example.com"), recipientsOf(first));
        assertEquals("bounced", tables.subscriber(bouncing).get("status").s());
        assertTrue(tables.subscriber(bouncing).get("bounceReason").s().startsWith("MessageRejected"));
        assertEquals("rejected", tables.ledgerEntry(first, bouncing).orElseThrow().get("state").s());

        String second = postId("second");
        tables.putPost(second, "Second", "PUBLISHED", Set.of(tag));
        MockLambda.invoke(stream.nextEvent(Set.of(second), 1));

        assertEquals(List.of(reader + "@example.com"), recipientsOf(second));
        assertEquals(1, ses.attempts().stream().filter(to -> to.startsWith(bouncing)).count());
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

        JsonNode response = MockLambda.invoke(event);

        assertEquals(List.of(badSequenceNumber), MockLambda.failedSequenceNumbers(response));
        assertEquals(List.of(reader + "@example.com"), recipientsOf(good));
        assertEquals(List.of(), recipientsOf(after), "shard order: Lambda retries from the failed record");

        // After MaximumRetryAttempts the bad record goes to the on-failure queue and the shard moves on.
        ObjectNode rest = stream.event(List.of((ObjectNode) event.get("Records").get(2)));
        assertEquals(List.of(), MockLambda.failedSequenceNumbers(MockLambda.invoke(rest)));
        assertEquals(List.of(reader + "@example.com"), recipientsOf(after));
    }

    @Test
    void anUnverifiedSenderFailsTheRecordAndBouncesNobody() {
        String reader = subscriber("reader", "confirmed", Set.of(tag));
        String post = postId("post");
        tables.putPost(post, "Unverified", "PUBLISHED", Set.of(tag));
        ObjectNode event = stream.nextEvent(Set.of(post), 1);
        ses.failNext(400, "MessageRejected",
                "Email address is not verified. The following identities failed the check in region US-EAST-1: blog@example.com");

        JsonNode failed = MockLambda.invoke(event);

        assertEquals(1, MockLambda.failedSequenceNumbers(failed).size(), "the record fails and is retried");
        assertEquals("confirmed", tables.subscriber(reader).get("status").s(), "the reader is not bounced");
        assertTrue(tables.ledgerEntry(post, reader).isEmpty(), "the claim is given back");

        assertEquals(List.of(), MockLambda.failedSequenceNumbers(MockLambda.invoke(event)));
        assertEquals(List.of(reader + "@example.com"), recipientsOf(post));
    }

    @Test
    void pausedSendingFailsTheRecordAndItsRetrySendsEveryEmailOnce() {
        subscriber("reader-a", "confirmed", Set.of(tag));
        subscriber("reader-b", "confirmed", Set.of(tag));
        String post = postId("post");
        tables.putPost(post, "Paused", "PUBLISHED", Set.of(tag));
        ObjectNode event = stream.nextEvent(Set.of(post), 1);
        ses.failNext(400, "SendingPausedException", "Sending is paused for this account.");

        JsonNode failed = MockLambda.invoke(event);
        JsonNode retried = MockLambda.invoke(event);

        assertEquals(1, MockLambda.failedSequenceNumbers(failed).size());
        assertEquals(List.of(), MockLambda.failedSequenceNumbers(retried));
        assertEquals(2, recipientsOf(post).size());
        assertEquals(2, recipientsOf(post).stream().distinct().count());
    }
}
