package com.example.serverless.localaws;

import java.util.Map;

/**
 * The fixed credentials and region every local backend accepts (DynamoDB Local wants key ids of letters and
 * digits only), and the Quarkiverse client settings
 * that point one SDK client ({@code quarkus.<client>.*}) at a local endpoint. Dev Services are build-time
 * settings: each module turns them off in its application.properties ({@code quarkus.devservices.enabled=false}).
 */
public final class LocalCredentials {

    public static final String ACCESS_KEY_ID = "LOCALACCESSKEY";
    public static final String SECRET_ACCESS_KEY = "localsecretkey";
    public static final String REGION = "us-east-1";

    private LocalCredentials() {
    }

    public static Map<String, String> quarkusClientConfig(String client, String endpoint) {
        return Map.of(
                "quarkus." + client + ".endpoint-override", endpoint,
                "quarkus." + client + ".aws.region", REGION,
                "quarkus." + client + ".aws.credentials.type", "static",
                "quarkus." + client + ".aws.credentials.static-provider.access-key-id", ACCESS_KEY_ID,
                "quarkus." + client + ".aws.credentials.static-provider.secret-access-key", SECRET_ACCESS_KEY);
    }
}
