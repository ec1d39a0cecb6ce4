package com.example.serverless.localaws;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/** Starts s3proxy for a Quarkus test and points {@code quarkus.s3.*} at it. */
public final class LocalS3TestResource implements QuarkusTestResourceLifecycleManager {

    /** Where tests read the raw endpoint, e.g. to build a client the extension does not provide. */
    public static final String ENDPOINT_PROPERTY = "local-aws.s3.endpoint";

    private EmbeddedS3 s3;

    @Override
    public Map<String, String> start() {
        s3 = EmbeddedS3.start();
        Map<String, String> config = new HashMap<>(
                LocalCredentials.quarkusClientConfig("s3", s3.endpoint().toString()));
        config.put(ENDPOINT_PROPERTY, s3.endpoint().toString());
        config.put("quarkus.s3.path-style-access", "true");
        return config;
    }

    @Override
    public void stop() {
        if (s3 != null) {
            s3.close();
        }
    }
}
