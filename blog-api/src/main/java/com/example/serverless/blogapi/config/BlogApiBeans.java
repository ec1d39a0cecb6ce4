package com.example.serverless.blogapi.config;

import com.example.serverless.blog.subscriptions.ConfirmationTokens;
import com.example.serverless.email.SesV2Clients;
import com.example.serverless.blog.subscriptions.UnsubscribeTokens;
import com.example.serverless.blogapi.domain.PostService;
import com.example.serverless.blogapi.domain.SubscriptionService;
import com.example.serverless.blogapi.store.DynamoDbPostStore;
import com.example.serverless.blogapi.store.DynamoDbSubscriberStore;
import com.example.serverless.blogapi.store.SesConfirmationMailer;
import com.example.serverless.signing.SecretsManagerKeys;
import com.example.serverless.signing.TokenSigner;
import com.example.serverless.telemetry.EmfMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Wires the plain-Java domain to DynamoDB (the Quarkiverse client), SES v2 and the link keys in Secrets Manager. */
public class BlogApiBeans {

    /** Verifying reads the expiry inside each token; this is only how long the links blog-api issues would last. */
    private static final Duration UNSUBSCRIBE_VALIDITY = Duration.ofDays(60);

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    EmfMetrics metrics() {
        return EmfMetrics.toStandardOutput("blog-api");
    }

    /** The keys are read from Secrets Manager when a link is first signed or checked, then cached. */
    @Produces
    @ApplicationScoped
    TokenSigner linkSigner(BlogApiConfig config) {
        return new TokenSigner(SecretsManagerKeys.cached(config.linkKeysSecret(), config.linkKeysMaxAge()));
    }

    @Produces
    @ApplicationScoped
    ConfirmationTokens confirmationTokens(TokenSigner linkSigner, BlogApiConfig config) {
        return new ConfirmationTokens(linkSigner, config.confirmationValidity());
    }

    @Produces
    @ApplicationScoped
    SesV2Client sesV2Client(BlogApiConfig config) {
        BlogApiConfig.Ses ses = config.ses();
        return SesV2Clients.oneAttemptPerCall(ses.endpointOverride(), ses.region(), ses.apiCallTimeout(),
                DefaultCredentialsProvider.builder().build());
    }

    void closeSesV2Client(@Disposes SesV2Client client) {
        client.close();
    }

    @Produces
    @ApplicationScoped
    PostService postService(DynamoDbClient dynamoDb, BlogApiConfig config, Clock clock) {
        return new PostService(new DynamoDbPostStore(dynamoDb, config.postsTable()), clock);
    }

    @Produces
    @ApplicationScoped
    SubscriptionService subscriptionService(DynamoDbClient dynamoDb, SesV2Client ses, TokenSigner linkSigner,
            ConfirmationTokens confirmationTokens, BlogApiConfig config, Clock clock) {
        return new SubscriptionService(new DynamoDbSubscriberStore(dynamoDb, config.subscribersTable()),
                new SesConfirmationMailer(ses, config.senderEmail(), config.sesConfigurationSet()), confirmationTokens,
                new UnsubscribeTokens(linkSigner, UNSUBSCRIBE_VALIDITY), config.confirmationCooldown(), clock);
    }
}
