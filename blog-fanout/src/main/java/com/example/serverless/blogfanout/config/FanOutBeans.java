package com.example.serverless.blogfanout.config;

import com.example.serverless.blogfanout.domain.FanOut;
import com.example.serverless.blogfanout.store.DynamoDbRecipientIds;
import com.example.serverless.blogfanout.store.SqsSendQueue;
import com.example.serverless.telemetry.EmfMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Wires the fan-out to DynamoDB and SQS, both clients from the Quarkiverse extensions. */
public class FanOutBeans {

    @Produces
    @ApplicationScoped
    EmfMetrics metrics() {
        return EmfMetrics.toStandardOutput("blog-fanout");
    }

    @Produces
    @ApplicationScoped
    FanOut fanOut(DynamoDbClient dynamoDb, SqsClient sqs, FanOutConfig config) {
        return new FanOut(new DynamoDbRecipientIds(dynamoDb, config.subscribersTable()),
                new SqsSendQueue(sqs, config.sendQueueUrl()), config.recipientsPerMessage());
    }
}
