package com.example.serverless.blogfanout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.serverless.blog.subscriptions.Announcement;
import com.example.serverless.blogfanout.support.FanOutFixtures;
import com.example.serverless.blogfanout.support.StreamResponses;
import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.MockEventServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A DynamoDB Streams event as Lambda sends it (ApproximateCreationDateTime is epoch seconds with a fraction)
 * deserializes into aws-lambda-java-events' DynamodbEvent through Quarkus's own ObjectMapper and mock event
 * server, and only its INSERT of a published post is enqueued for announcing.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class DynamodbEventFixtureIT {

    @Inject
    FanOutFixtures fixtures;

    @Test
    void aRealStreamEventDeserializesAndOnlyTheInsertOfAPublishedPostIsEnqueued() throws IOException {
        fixtures.putSubscriber("fixture-reader", "confirmed");

        JsonNode response = StreamResponses.read(MockEventServer.invoke(fixture("events/dynamodb-stream-posts.json")));

        assertEquals(List.of(), StreamResponses.failedSequenceNumbers(response), response::toString);
        List<Announcement> announcements = fixtures.drainAnnouncementsOf("fixture-post");
        List<String> ids = announcements.stream().flatMap(a -> a.subscriberIds().stream()).toList();
        assertEquals(1, ids.stream().filter("fixture-reader"::equals).count(),
                "the INSERT only; the edit and the delete enqueue nothing");
        assertEquals(ids.size(), Set.copyOf(ids).size(), "no subscriber twice");
        assertEquals("Streams & <b>Lambda</b>", announcements.get(0).title());
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = DynamodbEventFixtureIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
