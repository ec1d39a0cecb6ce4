package com.example.serverless.metadata.support;

import com.example.serverless.localcloud.MiniStack;
import com.example.serverless.localcloud.MockEventServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Plays Lambda's SQS event source mapping with {@code ReportBatchItemFailures}: receives up to 10 messages, hands
 * them to the function as one SQS event (the JSON shape Lambda sends), and deletes every message the response
 * does not list as failed. Listed ones stay, come back after the visibility timeout, and after the queue's
 * maxReceiveCount go to the DLQ.
 */
public final class EventSourceMapping {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BATCH = 10;

    private final SqsClient sqs;
    private final TestQueues.QueuePair queues;

    public EventSourceMapping(SqsClient sqs, TestQueues.QueuePair queues) {
        this.sqs = sqs;
        this.queues = queues;
    }

    /** One poll and one invocation; an empty batch (nothing visible within the wait) invokes nothing. */
    public Batch deliverOnce() {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queues.queueUrl())
                .maxNumberOfMessages(MAX_BATCH)
                .waitTimeSeconds(1)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
        if (messages.isEmpty()) {
            return new Batch(List.of(), Set.of());
        }
        JsonNode response = read(MockEventServer.invoke(sqsEvent(messages).toString()));
        Set<String> failed = new HashSet<>();
        response.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
        List<DeleteMessageBatchRequestEntry> done = messages.stream()
                .filter(m -> !failed.contains(m.messageId()))
                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId())
                        .receiptHandle(m.receiptHandle()).build())
                .toList();
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(d -> d.queueUrl(queues.queueUrl()).entries(done));
        }
        return new Batch(messages.stream().map(Message::messageId).toList(), failed);
    }

    /** Delivers until the queue holds nothing, visible or in flight; bounded by {@code maxPolls}. */
    public List<Batch> drain(int maxPolls) {
        List<Batch> batches = new ArrayList<>();
        for (int poll = 0; poll < maxPolls; poll++) {
            Batch batch = deliverOnce();
            if (!batch.messageIds().isEmpty()) {
                batches.add(batch);
            } else if (messagesLeft(queues.queueUrl()) == 0) {
                return batches;
            }
        }
        throw new AssertionError("the queue still holds " + messagesLeft(queues.queueUrl()) + " messages after "
                + maxPolls + " polls");
    }

    public int messagesLeft(String queueUrl) {
        var attributes = sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private ObjectNode sqsEvent(List<Message> messages) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            record.putObject("messageAttributes");
            record.put("md5OfBody", message.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queues.queueArn());
            record.put("awsRegion", MiniStack.REGION);
        }
        return event;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one invocation received and what its response listed as failed. */
    public record Batch(List<String> messageIds, Set<String> failedIds) {
    }
}
