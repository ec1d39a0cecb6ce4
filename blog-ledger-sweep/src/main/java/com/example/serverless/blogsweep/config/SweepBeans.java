package com.example.serverless.blogsweep.config;

import com.example.serverless.blogsweep.domain.StuckClaimsSweep;
import com.example.serverless.blogsweep.store.DynamoDbPendingClaims;
import com.example.serverless.telemetry.EmfMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the sweep to DynamoDB (the Quarkiverse extension's client). */
public class SweepBeans {

    @Produces
    @ApplicationScoped
    EmfMetrics metrics() {
        return EmfMetrics.toStandardOutput("blog-ledger-sweep");
    }

    @Produces
    @ApplicationScoped
    StuckClaimsSweep sweep(DynamoDbClient dynamoDb, SweepConfig config) {
        return new StuckClaimsSweep(new DynamoDbPendingClaims(dynamoDb, config.ledgerTable()), Clock.systemUTC(),
                config.stuckAfter(), config.maxLogged());
    }
}
