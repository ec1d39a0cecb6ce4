package com.example.serverless.blogfeedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.serverless.blogfeedback.support.SubscribersTable;
import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.MockEventServer;
import com.example.serverless.localcloud.SqsEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The function as the feedback queue's mapping invokes it (SQS batches, raw SES events as bodies), against the local
 * cloud's DynamoDB. SES itself cannot bounce here: the events are SES's documented shape (events/*.json).
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class SesFeedbackIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SubscribersTable subscribers;

    @Test
    void aPermanentBounceAndAComplaintStopTheMailATransientBounceChangesNothing() throws IOException {
        String bounced = confirmed();
        String complained = confirmed();
        String full = confirmed();

        JsonNode response = invoke(event("ses-permanent-bounce.json", bounced), event("ses-complaint.json", complained),
                event("ses-transient-bounce.json", full));

        assertEquals(0, response.path("batchItemFailures").size(), response.toString());
        assertEquals("bounced", subscribers.get(bounced).get("status").s());
        assertEquals("Permanent/General", subscribers.get(bounced).get("bounceReason").s());
        assertEquals("complained", subscribers.get(complained).get("status").s());
        assertEquals("confirmed", subscribers.get(full).get("status").s());
    }

    @Test
    void aRedeliveryChangesNothingAndAnUnsubscribedReaderStaysUnsubscribed() throws IOException {
        String bounced = confirmed();
        invoke(event("ses-permanent-bounce.json", bounced));
        String bouncedAt = subscribers.get(bounced).get("bouncedAt").s();
        String unsubscribed = "sub-" + UUID.randomUUID();
        subscribers.put(unsubscribed, unsubscribed + "@example.com", "unsubscribed");

        JsonNode response = invoke(event("ses-permanent-bounce.json", bounced), event("ses-permanent-bounce.json", unsubscribed));

        assertEquals(0, response.path("batchItemFailures").size(), response.toString());
        assertEquals(bouncedAt, subscribers.get(bounced).get("bouncedAt").s());
        assertEquals("unsubscribed", subscribers.get(unsubscribed).get("status").s());
    }

    @Test
    void aPoisonMessageFailsAloneAndTheOthersAreApplied() throws IOException {
        String bounced = confirmed();

        JsonNode response = invoke("not an SES event", event("ses-permanent-bounce.json", bounced), "{\"eventType\":\"Bounce\"}");

        List<String> failed = new ArrayList<>();
        response.path("batchItemFailures").forEach(failure -> failed.add(failure.path("itemIdentifier").asText()));
        assertEquals(List.of("m-0", "m-2"), failed);
        assertEquals("bounced", subscribers.get(bounced).get("status").s());
    }

    private String confirmed() {
        String id = "sub-" + UUID.randomUUID();
        subscribers.put(id, id + "@example.com", "confirmed");
        return id;
    }

    /** One SQS batch, message ids m-0, m-1, ... in order. */
    private static JsonNode invoke(String... bodies) throws IOException {
        return JSON.readTree(MockEventServer.invoke(SqsEvents.of("blog-feedback", List.of(bodies))));
    }

    private static String event(String file, String subscriberId) throws IOException {
        try (InputStream in = SesFeedbackIT.class.getResourceAsStream("/events/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("SUBSCRIBER_ID", subscriberId);
        }
    }
}
