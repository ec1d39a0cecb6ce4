package com.example.serverless.localcloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** SQS events in the JSON shape Lambda's event source mapping sends, for tests that hand messages to a function. */
public final class SqsEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SqsEvents() {
    }

    /** One batch of these bodies, with message ids m-0, m-1, ... in order, from the queue named {@code queueName}. */
    public static String of(String queueName, List<String> bodies) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (int i = 0; i < bodies.size(); i++) {
            records.addObject().put("messageId", "m-" + i).put("receiptHandle", "r-" + i).put("body", bodies.get(i))
                    .put("eventSource", "aws:sqs").put("awsRegion", MiniStack.REGION)
                    .put("eventSourceARN", "arn:aws:sqs:" + MiniStack.REGION + ":000000000000:" + queueName)
                    .putObject("attributes").put("ApproximateReceiveCount", "1");
        }
        return event.toString();
    }
}
