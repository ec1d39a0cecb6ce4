package com.example.serverless.localcloud;

import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** What a test sees of the local cloud: the MiniStack it runs on and the account its application was given. */
public record LocalCloud(MiniStack miniStack, LocalAccount account) {

    /** An SDK client of this account (as its root), for what a test does beside the function: queues, streams. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(miniStack.endpoint())
                .region(Region.of(miniStack.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(account.accessKeyId(), account.secretAccessKey())))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** The mail SES accepted in this account. */
    public List<SentEmail> sentEmails() {
        return miniStack.sentEmails(account);
    }
}
