package com.example.serverless.infra.localstack;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the LocalStack target reads from LocalStack (health fixtures under src/test/resources/localstack/). */
class LocalStackTargetTest {

    @Test
    void communityImageLacksTheServicesTheTemplateNeedsALicenceFor() throws IOException {
        LocalStackHealth health = LocalStackHealth.parse(fixture("health-community.json"));

        assertThat(health.version(), equalTo("4.14.0"));
        assertThat(health.missing(LocalStackTarget.LICENSED_SERVICES), contains("cognito-idp", "apigatewayv2", "sesv2"));
    }

    @Test
    void licensedImageProvidesEveryServiceTheTemplateUses() throws IOException {
        LocalStackHealth health = LocalStackHealth.parse(fixture("health-pro.json"));

        assertThat(health.missing(LocalStackTarget.SERVICES), empty());
    }

    @Test
    void httpApiIsCalledThroughLocalStacksExecuteApiHostOnTheMappedPort() {
        LocalStackTarget target = new LocalStackTarget(URI.create("http://127.0.0.1:32771"));

        assertThat(target.httpApiBaseUrl("https://a1b2c3d4.execute-api.us-east-1.amazonaws.com"),
                equalTo(URI.create("http://a1b2c3d4.execute-api.localhost.localstack.cloud:32771")));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = LocalStackTargetTest.class.getResourceAsStream("/localstack/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
