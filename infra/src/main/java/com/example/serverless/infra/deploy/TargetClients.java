package com.example.serverless.infra.deploy;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/** SDK clients pointed at a target: the one place that applies its endpoint, region and credentials. */
public record TargetClients(DeployTarget target) {

    public CloudFormationClient cloudFormation() {
        return configure(CloudFormationClient.builder());
    }

    public S3Client s3() {
        // Emulators serve buckets by path, not by virtual host.
        return configure(S3Client.builder().forcePathStyle(target.endpoint().isPresent()));
    }

    public CognitoIdentityProviderClient cognito() {
        return configure(CognitoIdentityProviderClient.builder());
    }

    public LambdaClient lambda() {
        return configure(LambdaClient.builder());
    }

    /** For any other SDK client a test needs. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder) {
        target.endpoint().ifPresent(builder::endpointOverride);
        return builder.region(target.region())
                .credentialsProvider(target.credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
