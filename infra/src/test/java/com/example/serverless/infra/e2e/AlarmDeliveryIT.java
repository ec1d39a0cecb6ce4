package com.example.serverless.infra.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An alarm of the stack that goes into ALARM reaches a subscriber of the alarm topic: the topic's key lets CloudWatch
 * use it and its policy lets the stack's alarms publish. The subscriber is a queue this test makes (with the queue
 * policy SNS needs) and removes again; the alarm is set by hand (SetAlarmState), as an operator tests a pager.
 */
@ExtendWith(E2eStack.class)
class AlarmDeliveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static E2eStack.Stack stack;
    private static SqsClient sqs;
    private static SnsClient sns;
    private static String queueUrl;
    private static String subscriptionArn;

    @BeforeAll
    static void subscribeAQueue(E2eStack.Stack deployed) {
        stack = deployed;
        sqs = stack.clients().configure(SqsClient.builder());
        sns = stack.clients().configure(SnsClient.builder());
        String topic = stack.outputs().get("AlarmTopicArn");
        queueUrl = sqs.createQueue(b -> b.queueName("e2e-alarms-" + UUID.randomUUID().toString().substring(0, 8))).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY, """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"},
                  "Action": "sqs:SendMessage", "Resource": "%s", "Condition": {"ArnEquals": {"aws:SourceArn": "%s"}}}]}
                """.formatted(queueArn, topic))));
        subscriptionArn = sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn).returnSubscriptionArn(true))
                .subscriptionArn();
    }

    @AfterAll
    static void unsubscribe() {
        if (subscriptionArn != null) {
            sns.unsubscribe(b -> b.subscriptionArn(subscriptionArn));
        }
        if (queueUrl != null) {
            sqs.deleteQueue(b -> b.queueUrl(queueUrl));
        }
    }

    @Test
    void anAlarmInAlarmStateReachesTheTopicsSubscribers() {
        String alarm = new FunctionRoles(stack).physicalId("MetadataDlqDepthAlarm");
        try (CloudWatchClient cloudWatch = stack.clients().configure(CloudWatchClient.builder())) {
            cloudWatch.setAlarmState(b -> b.alarmName(alarm).stateValue(StateValue.ALARM).stateReason("E2E: does the pager ring?"));
            try {
                Message delivered = Eventually.await("the alarm notification in the subscriber queue", Duration.ofSeconds(60),
                        () -> receive().stream().filter(m -> m.body().contains(alarm)).findFirst().orElse(null), m -> m != null);
                JsonNode notification = json(json(delivered.body()).path("Message").asText());
                assertThat(notification.path("AlarmName").asText(), equalTo(alarm));
                assertThat(notification.path("NewStateValue").asText(), equalTo("ALARM"));
                assertThat(notification.path("NewStateReason").asText(), equalTo("E2E: does the pager ring?"));
            } finally {
                cloudWatch.setAlarmState(b -> b.alarmName(alarm).stateValue(StateValue.OK).stateReason("E2E: done"));
            }
        }
    }

    private static List<Message> receive() {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
