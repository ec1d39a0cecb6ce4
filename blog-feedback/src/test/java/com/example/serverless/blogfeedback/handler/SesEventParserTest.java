package com.example.serverless.blogfeedback.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.serverless.blog.subscriptions.SubscriberIds;
import com.example.serverless.blogfeedback.domain.Feedback;
import com.example.serverless.blogfeedback.domain.Feedback.Kind;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SES events in the shape the configuration set's SNS destination publishes (events/*.json, from SES's docs). */
class SesEventParserTest {

    private final SesEventParser parser = new SesEventParser(new ObjectMapper());

    @Test
    void aPermanentBounceNamesTheTaggedSubscriber() throws IOException {
        Feedback feedback = parser.parse(event("ses-permanent-bounce.json", "sub-1"));

        assertEquals(Kind.PERMANENT_BOUNCE, feedback.kind());
        assertEquals(List.of(new Feedback.Recipient("sub-1", "gone@example.com")), feedback.recipients());
        assertEquals("Permanent/General", feedback.detail());
        assertEquals(Instant.parse("2026-12-02T10:00:05Z"), feedback.at());
    }

    @Test
    void complaintsAndTransientBouncesAreTold() throws IOException {
        assertEquals(Kind.COMPLAINT, parser.parse(event("ses-complaint.json", "sub-2")).kind());
        assertEquals(Kind.TRANSIENT_BOUNCE, parser.parse(event("ses-transient-bounce.json", "sub-3")).kind());
    }

    @Test
    void anSnsEnvelopeIsOpenedAndAnUntaggedRecipientIsNamedByItsAddress() throws IOException {
        String untagged = event("ses-permanent-bounce.json", "x").replace(",\n      \"subscriberId\": [\"x\"]", "");
        String envelope = new ObjectMapper().createObjectNode().put("Type", "Notification").put("Message", untagged).toString();

        Feedback feedback = parser.parse(envelope);

        assertEquals(SubscriberIds.ofAddress("gone@example.com"), feedback.recipients().getFirst().subscriberId());
    }

    @Test
    void otherEventsAreNotActedOn() {
        Feedback delivery = parser.parse("{\"eventType\":\"Delivery\",\"mail\":{\"timestamp\":\"2026-12-02T10:00:00Z\"}}");

        assertEquals(Kind.OTHER, delivery.kind());
        assertEquals(List.of(), delivery.recipients());
    }

    @Test
    void whatIsNoSesEventFailsAsMalformed() {
        for (String body : List.of("", "not json", "[]", "42", "{}", "{\"eventType\":\"Bounce\"}",
                "{\"eventType\":\"Bounce\",\"mail\":{},\"bounce\":{\"bounceType\":\"Permanent\"}}",
                "{\"eventType\":\"Complaint\",\"mail\":{},\"complaint\":{\"complainedRecipients\":[{}]}}",
                "{\"Type\":\"Notification\",\"Message\":\"{oops\"}")) {
            assertThrows(MalformedFeedbackException.class, () -> parser.parse(body), body);
        }
    }

    static String event(String file, String subscriberId) throws IOException {
        try (InputStream in = SesEventParserTest.class.getResourceAsStream("/events/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("SUBSCRIBER_ID", subscriberId);
        }
    }
}
