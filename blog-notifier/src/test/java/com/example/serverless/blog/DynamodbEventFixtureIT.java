package com.example.serverless.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.blog.support.BlogTables;
import com.example.serverless.blog.support.StreamResponses;
import com.example.serverless.localcloud.InjectLocalCloud;
import com.example.serverless.localcloud.LocalCloud;
import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.MockEventServer;
import com.example.serverless.localcloud.SentEmail;
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
 * server, and only its INSERT of a published post is announced.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class DynamodbEventFixtureIT {

    @Inject
    BlogTables tables;

    @InjectLocalCloud
    LocalCloud cloud;

    @Test
    void aRealStreamEventDeserializesAndOnlyTheInsertOfAPublishedPostIsAnnounced() throws IOException {
        tables.putSubscriber("fixture-reader", "fixture-reader@example.com", "confirmed", Set.of("fixture"));

        JsonNode response = StreamResponses.read(MockEventServer.invoke(fixture("events/dynamodb-stream-posts.json")));

        assertEquals(List.of(), StreamResponses.failedSequenceNumbers(response), response::toString);
        List<SentEmail> mail = cloud.sentEmails().stream().filter(m -> m.to().contains("fixture-reader@example.com")).toList();
        assertEquals(1, mail.size(), "the INSERT only; the edit and the delete send nothing");
        assertEquals("New on the blog: Streams & <b>Lambda</b>", mail.get(0).subject());
        assertTrue(mail.get(0).html().contains("Streams &amp; &lt;b&gt;Lambda&lt;/b&gt;"));
        assertEquals("sent", tables.ledgerEntry("fixture-post", "fixture-reader").orElseThrow().get("state").s());
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = DynamodbEventFixtureIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
