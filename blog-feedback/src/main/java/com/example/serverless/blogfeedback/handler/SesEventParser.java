package com.example.serverless.blogfeedback.handler;

import com.example.serverless.blog.subscriptions.SubscriberIds;
import com.example.serverless.blogfeedback.domain.Feedback;
import com.example.serverless.blogfeedback.domain.Feedback.Kind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an SES event as the configuration set's SNS destination publishes it
 * (https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html): the event itself (raw
 * message delivery to SQS) or wrapped in an SNS notification. A recipient is named by the email's
 * {@value SubscriberIds#EMAIL_TAG} tag when the email had one recipient, otherwise by the id of its address.
 */
public final class SesEventParser {

    private final ObjectMapper json;

    public SesEventParser(ObjectMapper json) {
        this.json = json;
    }

    /** @throws MalformedFeedbackException when the body is not an SES event (the message then fails, to the DLQ) */
    public Feedback parse(String body) {
        JsonNode event = read(body);
        if ("Notification".equals(event.path("Type").asText()) && event.path("Message").isTextual()) {
            event = read(event.path("Message").asText());
        }
        String type = event.path("eventType").asText(event.path("notificationType").asText(""));
        JsonNode mail = event.path("mail");
        if (!mail.isObject()) {
            throw new MalformedFeedbackException("not an SES event: no mail object");
        }
        return switch (type) {
            case "Bounce" -> {
                JsonNode bounce = event.path("bounce");
                Kind kind = "Permanent".equals(bounce.path("bounceType").asText()) ? Kind.PERMANENT_BOUNCE : Kind.TRANSIENT_BOUNCE;
                yield new Feedback(kind, recipients(mail, bounce.path("bouncedRecipients")),
                        bounce.path("bounceType").asText() + "/" + bounce.path("bounceSubType").asText(), at(bounce));
            }
            case "Complaint" -> {
                JsonNode complaint = event.path("complaint");
                yield new Feedback(Kind.COMPLAINT, recipients(mail, complaint.path("complainedRecipients")),
                        complaint.path("complaintFeedbackType").asText("complaint"), at(complaint));
            }
            case "" -> throw new MalformedFeedbackException("not an SES event: no eventType");
            default -> new Feedback(Kind.OTHER, List.of(), type, at(mail));
        };
    }

    private static List<Feedback.Recipient> recipients(JsonNode mail, JsonNode listed) {
        if (!listed.isArray() || listed.isEmpty()) {
            throw new MalformedFeedbackException("an SES bounce or complaint without recipients");
        }
        JsonNode tagged = mail.path("tags").path(SubscriberIds.EMAIL_TAG).path(0);
        boolean oneRecipient = mail.path("destination").size() == 1;
        List<Feedback.Recipient> recipients = new ArrayList<>();
        for (JsonNode recipient : listed) {
            String address = recipient.path("emailAddress").asText("");
            if (address.isBlank()) {
                throw new MalformedFeedbackException("a recipient without emailAddress");
            }
            String subscriberId = oneRecipient && tagged.isTextual() ? tagged.asText() : SubscriberIds.ofAddress(address);
            recipients.add(new Feedback.Recipient(subscriberId, address));
        }
        return recipients;
    }

    private static Instant at(JsonNode node) {
        try {
            return Instant.parse(node.path("timestamp").asText());
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }

    private JsonNode read(String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw new MalformedFeedbackException("the message body is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedFeedbackException("the message body is not JSON");
        }
    }
}
