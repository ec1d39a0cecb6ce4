package com.example.serverless.blog.support;

import com.example.serverless.localaws.LocalCredentials;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** In tests the SES client signs with the local backends' fixed credentials instead of Lambda's. */
public class LocalSesCredentials {

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    AwsCredentialsProvider localCredentials() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LocalCredentials.ACCESS_KEY_ID, LocalCredentials.SECRET_ACCESS_KEY));
    }
}
