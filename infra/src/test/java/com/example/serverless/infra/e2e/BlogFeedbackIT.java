package com.example.serverless.infra.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * SES feedback through the deployed stack: an event on the feedback topic (SNS, encrypted) is delivered raw to its
 * queue, the mapping invokes blog-feedback, the subscriber is marked. SES publishes these events on AWS; no local
 * cloud produces bounces, so the test publishes SES's documented event shape to the topic, as SES would.
 */
@ExtendWith(E2eStack.class)
class BlogFeedbackIT {

    private static final Duration DELIVERY = Duration.ofSeconds(90);

    private static E2eStack.Stack stack;
    private static DynamoDbClient dynamoDb;
    private static final List<String> subscriberIds = new ArrayList<>();

    @BeforeAll
    static void clients(E2eStack.Stack deployed) {
        stack = deployed;
        dynamoDb = stack.clients().configure(DynamoDbClient.builder());
    }

    @AfterAll
    static void removeWhatThisClassWrote() {
        if (dynamoDb == null) {
            return;
        }
        subscriberIds.forEach(id -> dynamoDb.deleteItem(b -> b.tableName(subscribers())
                .key(Map.of("subscriberId", AttributeValue.fromS(id)))));
        dynamoDb.close();
    }

    @Test
    void aPermanentBounceAndAComplaintFromSesMarkTheirSubscribers() {
        String bounced = confirmedSubscriber();
        String complained = confirmedSubscriber();

        try (SnsClient sns = stack.clients().configure(SnsClient.builder())) {
            String topic = stack.outputs().get("BlogFeedbackTopicArn");
            sns.publish(b -> b.topicArn(topic).message(sesEvent("Bounce", bounced)));
            sns.publish(b -> b.topicArn(topic).message(sesEvent("Complaint", complained)));
        }

        Eventually.await("both subscribers marked", DELIVERY, () -> List.of(status(bounced), status(complained)),
                statuses -> statuses.equals(List.of("bounced", "complained")));
        assertThat(item(bounced).get("bounceReason").s(), equalTo("Permanent/General"));
    }

    private static String sesEvent(String type, String subscriberId) {
        String address = subscriberId + "@example.com";
        String now = Instant.now().toString();
        String detail = type.equals("Bounce")
                ? "\"bounce\":{\"bounceType\":\"Permanent\",\"bounceSubType\":\"General\",\"timestamp\":\"" + now
                        + "\",\"bouncedRecipients\":[{\"emailAddress\":\"" + address + "\",\"status\":\"5.1.1\"}]}"
                : "\"complaint\":{\"complaintFeedbackType\":\"abuse\",\"timestamp\":\"" + now
                        + "\",\"complainedRecipients\":[{\"emailAddress\":\"" + address + "\"}]}";
        return "{\"eventType\":\"" + type + "\"," + detail + ",\"mail\":{\"timestamp\":\"" + now
                + "\",\"source\":\"blog@example.com\",\"messageId\":\"e2e-" + UUID.randomUUID() + "\",\"destination\":[\""
                + address + "\"],\"tags\":{\"subscriberId\":[\"" + subscriberId + "\"]}}}";
    }

    private static String confirmedSubscriber() {
        String id = "e2e-feedback-" + UUID.randomUUID();
        subscriberIds.add(id);
        dynamoDb.putItem(b -> b.tableName(subscribers()).item(Map.of(
                "subscriberId", AttributeValue.fromS(id),
                "email", AttributeValue.fromS(id + "@example.com"),
                "status", AttributeValue.fromS("confirmed"))));
        return id;
    }

    private static String status(String id) {
        return item(id).get("status").s();
    }

    private static Map<String, AttributeValue> item(String id) {
        return dynamoDb.getItem(b -> b.tableName(subscribers()).consistentRead(true)
                .key(Map.of("subscriberId", AttributeValue.fromS(id)))).item();
    }

    private static String subscribers() {
        return stack.outputs().get("SubscribersTableName");
    }
}
