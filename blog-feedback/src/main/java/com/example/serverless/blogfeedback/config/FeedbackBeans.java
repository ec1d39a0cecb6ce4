package com.example.serverless.blogfeedback.config;

import com.example.serverless.blogfeedback.domain.FeedbackService;
import com.example.serverless.blogfeedback.store.DynamoDbSubscriberMarks;
import com.example.serverless.telemetry.EmfMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the domain to DynamoDB (the Quarkiverse client) and the function's metrics. */
public class FeedbackBeans {

    @Produces
    @ApplicationScoped
    EmfMetrics metrics() {
        return EmfMetrics.toStandardOutput("blog-feedback");
    }

    @Produces
    @ApplicationScoped
    FeedbackService feedbackService(DynamoDbClient dynamoDb, FeedbackConfig config) {
        return new FeedbackService(new DynamoDbSubscriberMarks(dynamoDb, config.subscribersTable()));
    }
}
