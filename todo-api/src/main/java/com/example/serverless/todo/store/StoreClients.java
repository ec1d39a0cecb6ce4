package com.example.serverless.todo.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.CredentialUtils;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dax.ClusterDaxClient;
import software.amazon.dax.Configuration;

/**
 * The DynamoDB client the todo store calls: a DAX cluster's when one is configured (the template's EnableDax), else
 * the SDK's own. Both implement {@link DynamoDbClient}, so the store does not know which one it has. Strongly
 * consistent reads pass through DAX to the table uncached; see todo-api/README.md, "Read caching".
 */
public final class StoreClients {

    private StoreClients() {
    }

    public static DynamoDbClient select(DynamoDbClient sdkClient, Optional<String> daxEndpoint) {
        return daxEndpoint.map(endpoint -> dax(endpoint, sdkClient)).orElse(sdkClient);
    }

    /** Same region and credentials as the SDK client. A malformed endpoint stops the function at start. */
    private static DynamoDbClient dax(String endpoint, DynamoDbClient sdkClient) {
        // The template's cluster encrypts in transit, and its discovery endpoint says so with the daxs scheme.
        if (!"daxs".equals(URI.create(endpoint).getScheme())) {
            throw new IllegalArgumentException("TODO_DAX_ENDPOINT must be a cluster's daxs:// discovery endpoint, not " + endpoint);
        }
        var settings = sdkClient.serviceClientConfiguration();
        Configuration configuration = Configuration.builder()
                .url(endpoint)
                .region(settings.region())
                .credentialsProvider(CredentialUtils.toCredentialsProvider(settings.credentialsProvider()))
                .build();
        try {
            return ClusterDaxClient.builder().overrideConfiguration(configuration).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the DAX cluster at " + endpoint, e);
        }
    }
}
