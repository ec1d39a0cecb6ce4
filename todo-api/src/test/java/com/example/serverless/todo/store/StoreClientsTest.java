package com.example.serverless.todo.store;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dax.ClusterDaxClient;

/** There is no DAX here: these tests build the clients, they never send a request through DAX. */
class StoreClientsTest {

    private final DynamoDbClient sdkClient = DynamoDbClient.builder()
            .region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")))
            .build();

    @AfterEach
    void close() {
        sdkClient.close();
    }

    @Test
    void withoutAnEndpointTheStoreCallsTheSdkClient() {
        assertSame(sdkClient, StoreClients.select(sdkClient, Optional.empty()));
    }

    @Test
    void aDiscoveryEndpointGivesTheStoreADaxClient() {
        try (DynamoDbClient client = StoreClients.select(sdkClient, Optional.of("daxs://127.0.0.1:9111"))) {
            assertInstanceOf(ClusterDaxClient.class, client);
        }
    }

    @Test
    void anEndpointWithoutTlsIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class,
                () -> StoreClients.select(sdkClient, Optional.of("dax://todos.abc123.dax-clusters.eu-west-1.amazonaws.com")));
        assertThrows(IllegalArgumentException.class,
                () -> StoreClients.select(sdkClient, Optional.of("https://dynamodb.eu-west-1.amazonaws.com")));
    }
}
