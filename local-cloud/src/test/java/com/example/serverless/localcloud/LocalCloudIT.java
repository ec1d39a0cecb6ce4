package com.example.serverless.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sts.StsClient;

/** The local cloud as the harness starts it: TLS with its own certificate, IAM enforced, one namespace per account. */
class LocalCloudIT {

    private static MiniStack miniStack;

    @BeforeAll
    static void start() {
        miniStack = MiniStack.shared();
    }

    @Test
    void itServesTlsThatOnlyItsTrustStoreTrusts() throws Exception {
        HttpRequest health = HttpRequest.newBuilder(miniStack.endpoint().resolve("/_ministack/health")).build();
        try (HttpClient trusting = HttpClient.newBuilder().sslContext(miniStack.trustStore().sslContext()).build()) {
            assertEquals(200, trusting.send(health, HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        // The JDK's own roots, read from its cacerts (the JVM default now includes MiniStack's certificate).
        KeyStore cacerts = KeyStore.getInstance(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts").toFile(),
                "changeit".toCharArray());
        TrustManagerFactory roots = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        roots.init(cacerts);
        SSLContext jdkDefaults = SSLContext.getInstance("TLS");
        jdkDefaults.init(null, roots.getTrustManagers(), null);
        try (HttpClient jdkRootsOnly = HttpClient.newBuilder().sslContext(jdkDefaults).build()) {
            assertThrows(SSLHandshakeException.class, () -> jdkRootsOnly.send(health, HttpResponse.BodyHandlers.discarding()));
        }
    }

    @Test
    void theTrustStoreOnDiskIsReadWithoutAPasswordAsTheJdksCacertsIs() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(miniStack.trustStore().file())) {
            store.load(in, null);
        }

        assertTrue(store.isCertificateEntry("ministack"), "MiniStack's certificate, readable with no password");
        assertTrue(store.size() > 100, "and the JDK's roots: " + store.size());
    }

    @Test
    void thePlainListenerIsLoopbackHttpOnTheSameCloud() throws Exception {
        URI plain = miniStack.plainHttpEndpoint();
        assertEquals("http", plain.getScheme());
        assertEquals("127.0.0.1", plain.getHost());
        try (HttpClient http = HttpClient.newHttpClient()) {
            assertEquals(200, http.send(HttpRequest.newBuilder(plain.resolve("/_ministack/health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        }
    }

    @Test
    void eachAccountSeesOnlyItsOwnTables() {
        LocalCloud first = new LocalCloud(miniStack, miniStack.newAccount());
        LocalCloud second = new LocalCloud(miniStack, miniStack.newAccount());
        try (DynamoDbClient one = first.client(DynamoDbClient.builder()); DynamoDbClient two = second.client(DynamoDbClient.builder())) {
            one.createTable(b -> b.tableName("isolated").billingMode("PAY_PER_REQUEST")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
            assertEquals(List.of("isolated"), one.listTables().tableNames());
            assertEquals(List.of(), two.listTables().tableNames());
        }
    }

    @Test
    void iamIsEnforcedAKeyTheCloudDidNotIssueIsRefused() {
        try (DynamoDbClient stranger = DynamoDbClient.builder().endpointOverride(miniStack.endpoint())
                .region(Region.of(miniStack.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLEUNKNOWN01", "secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            DynamoDbException refused = assertThrows(DynamoDbException.class, stranger::listTables);
            assertEquals("UnrecognizedClientException", refused.awsErrorDetails().errorCode(), refused.getMessage());
        }
        LocalCloud root = new LocalCloud(miniStack, miniStack.newAccount());
        try (StsClient sts = root.client(StsClient.builder())) {
            assertTrue(sts.getCallerIdentity().arn().endsWith(":root"), "control: an account's root is known");
        }
    }
}
