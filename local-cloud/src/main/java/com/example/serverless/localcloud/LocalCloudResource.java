package com.example.serverless.localcloud;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The local cloud behind a module's {@code @QuarkusTest} ITs: the test JVM's one {@link MiniStack#shared() MiniStack}
 * (IAM and TLS on), and a fresh account for each test application, so applications never see each other's tables,
 * queues or mail. Test classes that share an application (the same test resources) share its account and keep to
 * their own ids. Sets, for every Quarkiverse amazon-services client on the class path ({@code quarkus-amazon-<client>}),
 * {@code quarkus.<client>.endpoint-override}, region and the account's static credentials; publishes
 * {@code local-cloud.endpoint}, {@code local-cloud.region}, {@code local-cloud.account-id},
 * {@code local-cloud.access-key-id} and {@code local-cloud.secret-access-key} for clients a module builds itself;
 * fills {@link InjectLocalCloud} fields. While the application runs, the SDK's own system properties
 * ({@code aws.endpointUrl}, {@code aws.region}, {@code aws.accessKeyId}, {@code aws.secretAccessKey}) name the local cloud
 * and the account too, so a client the function builds with the SDK's defaults (as on Lambda) reaches it without any
 * test hook in the function's code. What the tests need (tables, buckets) each module creates itself.
 */
public final class LocalCloudResource implements QuarkusTestResourceLifecycleManager {


    private static final List<String> SDK_PROPERTIES = List.of("aws.endpointUrl", "aws.region", "aws.accessKeyId",
            "aws.secretAccessKey");

    private LocalCloud cloud;
    private final Map<String, String> replacedProperties = new HashMap<>();

    @Override
    public Map<String, String> start() {
        MiniStack miniStack = MiniStack.shared();
        cloud = new LocalCloud(miniStack, miniStack.newAccount());
        LocalAccount account = cloud.account();
        Map<String, String> config = new HashMap<>();
        config.put("local-cloud.endpoint", miniStack.endpoint().toString());
        config.put("local-cloud.region", miniStack.region());
        config.put("local-cloud.account-id", account.id());
        config.put("local-cloud.access-key-id", account.accessKeyId());
        config.put("local-cloud.secret-access-key", account.secretAccessKey());
        config.putAll(QuarkusClients.config(miniStack.endpoint().toString(), miniStack.region(), account));
        Map<String, String> sdk = Map.of("aws.endpointUrl", miniStack.endpoint().toString(), "aws.region", miniStack.region(),
                "aws.accessKeyId", account.accessKeyId(), "aws.secretAccessKey", account.secretAccessKey());
        for (String property : SDK_PROPERTIES) {
            replacedProperties.put(property, System.getProperty(property));
            System.setProperty(property, sdk.get(property));
        }
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(cloud, new TestInjector.AnnotatedAndMatchesType(InjectLocalCloud.class, LocalCloud.class));
    }

    @Override
    public void stop() {
        // The JVM's MiniStack serves the next test application; it stops when the JVM exits.
        replacedProperties.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
    }
}
