package com.example.serverless.metadata.config;

import com.example.serverless.metadata.domain.CurrentObjects;
import com.example.serverless.metadata.domain.MetadataIndex;
import com.example.serverless.metadata.domain.MetadataSync;
import com.example.serverless.metadata.store.DynamoDbMetadataIndex;
import com.example.serverless.metadata.store.S3CurrentObjects;
import com.example.serverless.telemetry.EmfMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Wires the plain-Java domain to its AWS implementations; the SDK clients come from the Quarkus extensions. */
public class MetadataBeans {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    EmfMetrics metrics() {
        return EmfMetrics.toStandardOutput("metadata-sync");
    }

    @Produces
    @ApplicationScoped
    MetadataIndex metadataIndex(DynamoDbClient dynamoDb, MetadataConfig config) {
        return new DynamoDbMetadataIndex(dynamoDb, config.tableName());
    }

    @Produces
    @ApplicationScoped
    CurrentObjects currentObjects(S3Client s3) {
        return new S3CurrentObjects(s3);
    }

    @Produces
    @ApplicationScoped
    MetadataSync metadataSync(CurrentObjects objects, MetadataIndex index, Clock clock, MetadataConfig config) {
        return new MetadataSync(objects, index, clock, config.tombstoneRetention());
    }
}
