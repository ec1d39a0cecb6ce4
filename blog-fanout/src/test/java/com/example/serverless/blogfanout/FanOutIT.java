package com.example.serverless.blogfanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.blog.subscriptions.Announcement;
import com.example.serverless.blogfanout.support.FanOutFixtures;
import com.example.serverless.blogfanout.support.PostStream;
import com.example.serverless.blogfanout.support.StreamResponses;
import com.example.serverless.localcloud.InjectLocalCloud;
import com.example.serverless.localcloud.LocalCloud;
import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.MockEventServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Posts written to the local cloud's DynamoDB, their real stream records delivered through the mock event server,
 * and the messages the function put on the local cloud's SQS queue (two recipients per message in %test).
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class FanOutIT {

    @Inject
    FanOutFixtures fixtures;

    @InjectLocalCloud
    LocalCloud cloud;

    private final String run = UUID.randomUUID().toString();
    private PostStream stream;

    @BeforeEach
    void readTheStream() {
        stream = new PostStream(cloud, fixtures);
    }

    @AfterEach
    void closeTheStream() {
        stream.close();
    }

    private static JsonNode invoke(ObjectNode event) {
        return StreamResponses.read(MockEventServer.invoke(event.toString()));
    }

    @Test
    void aPublicationEnqueuesEveryConfirmedSubscriberOnceInPagesOfTheConfiguredSize() {
        List<String> confirmed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = "a-" + run + "-" + i;
            fixtures.putSubscriber(id, "confirmed");
            confirmed.add(id);
        }
        fixtures.putSubscriber("a-" + run + "-gone", "unsubscribed");
        fixtures.putSubscriber("a-" + run + "-bounced", "bounced");
        String post = "post-" + run;

        fixtures.putPost(post, "Hello & welcome", "DRAFT", Set.of("java"));
        fixtures.setPostStatus(post, "PUBLISHED");
        JsonNode response = invoke(stream.nextEvent(Set.of(post), 2));

        assertEquals(List.of(), StreamResponses.failedSequenceNumbers(response));
        List<Announcement> announcements = fixtures.drainAnnouncementsOf(post);
        List<String> enqueued = announcements.stream().flatMap(a -> a.subscriberIds().stream())
                .filter(id -> id.startsWith("a-" + run)).toList();
        assertEquals(confirmed.stream().sorted().toList(), enqueued.stream().sorted().toList(),
                "each confirmed subscriber once; unsubscribed and bounced ones not at all");
        assertTrue(announcements.stream().allMatch(a -> a.subscriberIds().size() <= 2), "two per message in %test");
        Announcement first = announcements.get(0);
        assertEquals("Hello & welcome", first.title());
        assertEquals(Set.of("java"), first.tags());
        assertEquals("What " + post + " is about.", first.summary());
    }

    @Test
    void editsUnpublishingAndDeletesEnqueueNothing() {
        String post = "quiet-" + run;
        fixtures.putSubscriber("q-" + run, "confirmed");

        fixtures.putPost(post, "Draft", "DRAFT", Set.of());
        fixtures.setPostStatus(post, "REVIEW");
        JsonNode response = invoke(stream.nextEvent(Set.of(post), 2));

        assertEquals(List.of(), StreamResponses.failedSequenceNumbers(response));
        assertEquals(List.of(), fixtures.drainAnnouncementsOf(post));
    }

    @Test
    void aPublishedPostWithoutATitleFailsItsRecordAndTheRecordsAfterItWaitInOrder() {
        String broken = "untitled-" + run;
        String next = "next-" + run;
        fixtures.putSubscriber("u-" + run, "confirmed");

        fixtures.putPost(broken, null, "PUBLISHED", Set.of());
        fixtures.putPost(next, "Next", "PUBLISHED", Set.of());
        ObjectNode event = stream.nextEvent(Set.of(broken, next), 2);
        JsonNode response = invoke(event);

        String brokenSequenceNumber = event.path("Records").path(0).path("dynamodb").path("SequenceNumber").asText();
        assertEquals(List.of(brokenSequenceNumber), StreamResponses.failedSequenceNumbers(response),
                "the stream is retried from the broken record, so the one after it is not handled out of order");
        assertEquals(List.of(), fixtures.drainAnnouncementsOf(broken));
        assertEquals(List.of(), fixtures.drainAnnouncementsOf(next));
    }
}
