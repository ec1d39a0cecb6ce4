package com.example.serverless.infra.deploy;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** SDK clients pointed at a target: the one place that applies its endpoint, region and credentials. */
public record TargetClients(DeployTarget target) {

    public CloudFormationClient cloudFormation() {
        return configure(CloudFormationClient.builder());
    }

    public S3Client s3() {
        return configure(S3Client.builder());
    }

    public CognitoIdentityProviderClient cognito() {
        return configure(CognitoIdentityProviderClient.builder());
    }

    public LambdaClient lambda() {
        return configure(LambdaClient.builder());
    }

    /** For any other SDK client a test needs. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder) {
        return configure(builder, target.credentials());
    }

    /** The same, acting with other credentials (a role's session, to see what that role may do). */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder,
            AwsCredentialsProvider credentials) {
        return configure(builder, target.endpoint().orElse(null), credentials);
    }

    /** The same at another endpoint of the target (the local cloud's listener without TLS), or AWS's own for null. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder, URI endpoint,
            AwsCredentialsProvider credentials) {
        return configure(builder, endpoint, credentials, target.region());
    }

    /** The same in another region of the target (where a global table keeps a replica). */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configureIn(Region region, B builder) {
        return configure(builder, target.endpoint().orElse(null), target.credentials(), region);
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder,
            URI endpoint, AwsCredentialsProvider credentials, Region region) {
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (builder instanceof S3ClientBuilder s3 && endpoint != null) {
            // Emulators serve buckets by path, not by virtual host.
            s3.forcePathStyle(true);
        }
        return builder.region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
