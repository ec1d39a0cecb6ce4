package com.example.serverless.metadata.support;

import com.example.serverless.localcloud.LocalCloud;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates, in the local cloud, the queue pair infra/template.yaml declares: a queue whose redrive policy moves a message
 * to its DLQ after {@code maxReceiveCount} receives. The function does not use SQS; only the tests do.
 */
public final class TestQueues {

    private TestQueues() {
    }

    public static SqsClient client(LocalCloud cloud) {
        return cloud.client(SqsClient.builder());
    }

    /** A fresh queue and DLQ; {@code visibilityTimeoutSeconds} short so that failed messages come back fast. */
    public static QueuePair create(SqsClient sqs, int visibilityTimeoutSeconds, int maxReceiveCount) {
        String name = "metadata-" + UUID.randomUUID().toString().substring(0, 8);
        String dlqUrl = sqs.createQueue(q -> q.queueName(name + "-dlq")).queueUrl();
        String dlqArn = arnOf(sqs, dlqUrl);
        String redrivePolicy = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount
                + "\"}";
        String queueUrl = sqs.createQueue(q -> q.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds),
                QueueAttributeName.REDRIVE_POLICY, redrivePolicy))).queueUrl();
        return new QueuePair(queueUrl, arnOf(sqs, queueUrl), dlqUrl);
    }

    private static String arnOf(SqsClient sqs, String queueUrl) {
        return sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    public record QueuePair(String queueUrl, String queueArn, String dlqUrl) {
    }
}
