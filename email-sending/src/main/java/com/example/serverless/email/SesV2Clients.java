package com.example.serverless.email;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;

/** The SES v2 client every mail sender of the project uses (there is no Quarkus extension for SES v2). */
public final class SesV2Clients {

    private SesV2Clients() {
    }

    /**
     * One attempt per call: SendEmail is not idempotent, so the SDK must not resend after a timeout; a sender retries
     * throttling itself, within its invocation's remaining time.
     *
     * @param endpointOverride only for tests and local clouds; on Lambda the SDK finds the regional endpoint
     * @param region defaults to the Lambda environment's AWS_REGION
     */
    public static SesV2Client oneAttemptPerCall(Optional<URI> endpointOverride, Optional<String> region,
            Duration apiCallTimeout, AwsCredentialsProvider credentials) {
        SesV2ClientBuilder builder = SesV2Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(credentials)
                .overrideConfiguration(client -> client
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(apiCallTimeout));
        endpointOverride.ifPresent(builder::endpointOverride);
        region.map(Region::of).ifPresent(builder::region);
        return builder.build();
    }
}
