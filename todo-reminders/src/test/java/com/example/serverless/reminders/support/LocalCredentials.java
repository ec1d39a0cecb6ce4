package com.example.serverless.reminders.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** In tests the SES and Cognito clients sign with the credentials of the test application's local cloud account. */
public class LocalCredentials {

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    AwsCredentialsProvider localCredentials(@ConfigProperty(name = "local-cloud.access-key-id") String accessKeyId,
            @ConfigProperty(name = "local-cloud.secret-access-key") String secretAccessKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }
}
