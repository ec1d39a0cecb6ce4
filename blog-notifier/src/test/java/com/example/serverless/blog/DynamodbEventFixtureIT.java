package com.example.serverless.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.blog.support.BlogTables;
import com.example.serverless.blog.support.MockLambda;
import com.example.serverless.localaws.InjectSesV2StandIn;
import com.example.serverless.localaws.LocalDynamoDbTestResource;
import com.example.serverless.localaws.LocalSesTestResource;
import com.example.serverless.localaws.SesV2StandIn;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
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
@WithTestResource(value = LocalDynamoDbTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = LocalSesTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DynamodbEventFixtureIT {

    @Inject
    BlogTables tables;

    @InjectSesV2StandIn
    SesV2StandIn ses;

    @Test
    void aRealStreamEventDeserializesAndOnlyTheInsertOfAPublishedPostIsAnnounced() throws IOException {
        tables.putSubscriber("fixture-reader", "fixture-reader@example.com", "confirmed", Set.of("fixture"));

        JsonNode response = MockLambda.invoke(fixture("events/dynamodb-stream-posts.json"));

        assertEquals(List.of(), MockLambda.failedSequenceNumbers(response), response::toString);
        List<SesV2StandIn.SentEmail> mail = ses.sentTo("fixture-reader@example.com");
        assertEquals(1, mail.size(), "the INSERT only; the edit and the delete send nothing");
        assertEquals("New on the blog: Streams & <b>Lambda</b>", mail.get(0).subject());
        assertTrue(mail.get(0).htmlBody().contains("Streams &amp; &lt;b&gt;Lambda&lt;/b&gt;"));
        assertEquals("sent", tables.ledgerEntry("fixture-post", "fixture-reader").orElseThrow().get("state").s());
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = DynamodbEventFixtureIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
