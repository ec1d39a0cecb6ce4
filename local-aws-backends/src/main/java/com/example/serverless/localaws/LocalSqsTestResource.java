package com.example.serverless.localaws;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/** Starts ElasticMQ for a Quarkus test and points {@code quarkus.sqs.*} at it. */
public final class LocalSqsTestResource implements QuarkusTestResourceLifecycleManager {

    /** Where tests read the raw endpoint, e.g. to build a client the extension does not provide. */
    public static final String ENDPOINT_PROPERTY = "local-aws.sqs.endpoint";

    private EmbeddedSqs sqs;

    @Override
    public Map<String, String> start() {
        sqs = EmbeddedSqs.start();
        Map<String, String> config = new HashMap<>(
                LocalCredentials.quarkusClientConfig("sqs", sqs.endpoint().toString()));
        config.put(ENDPOINT_PROPERTY, sqs.endpoint().toString());
        return config;
    }

    @Override
    public void stop() {
        if (sqs != null) {
            sqs.close();
        }
    }
}
