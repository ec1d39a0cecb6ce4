package com.example.serverless.blog.config;

import com.example.serverless.blog.domain.AnnouncementSender;
import com.example.serverless.blog.domain.DeliveryLedger;
import com.example.serverless.blog.domain.EmailRenderer;
import com.example.serverless.blog.domain.SubscriberStore;
import com.example.serverless.blog.store.DynamoDbDeliveryLedger;
import com.example.serverless.blog.store.DynamoDbSubscriberStore;
import com.example.serverless.blog.subscriptions.UnsubscribeTokens;
import com.example.serverless.email.Mailer;
import com.example.serverless.email.SesV2Clients;
import com.example.serverless.email.SesV2Mailer;
import com.example.serverless.email.Sleeper;
import com.example.serverless.email.ThrottledSendRetry;
import com.example.serverless.signing.SecretsManagerKeys;
import com.example.serverless.signing.TokenSigner;
import com.example.serverless.telemetry.EmfMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Wires the plain-Java domain to DynamoDB (client from the Quarkiverse extension) and SES v2 (no extension
 * exists: the one producer of the SES client is here).
 */
public class BlogBeans {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The function's metrics: EMF lines on standard output, which CloudWatch Logs turns into metrics. */
    @Produces
    @ApplicationScoped
    EmfMetrics metrics() {
        return EmfMetrics.toStandardOutput("blog-notifier");
    }

    /** Lambda's credentials from its environment; tests replace this bean with the local ones. */
    @Produces
    @ApplicationScoped
    AwsCredentialsProvider sesCredentials() {
        return DefaultCredentialsProvider.builder().build();
    }

    @Produces
    @ApplicationScoped
    SesV2Client sesV2Client(BlogConfig config, AwsCredentialsProvider credentials) {
        // Throttling is retried by ThrottledSendRetry, within the invocation's remaining time.
        BlogConfig.Ses ses = config.ses();
        return SesV2Clients.oneAttemptPerCall(ses.endpointOverride(), ses.region(), ses.apiCallTimeout(), credentials);
    }

    void closeSesV2Client(@Disposes SesV2Client client) {
        client.close();
    }

    @Produces
    @ApplicationScoped
    SubscriberStore subscriberStore(DynamoDbClient dynamoDb, BlogConfig config) {
        return new DynamoDbSubscriberStore(dynamoDb, config.subscribersTable());
    }

    @Produces
    @ApplicationScoped
    DeliveryLedger deliveryLedger(DynamoDbClient dynamoDb, BlogConfig config) {
        return new DynamoDbDeliveryLedger(dynamoDb, config.ledgerTable(), config.ledgerRetention());
    }

    @Produces
    @ApplicationScoped
    Mailer mailer(SesV2Client ses, BlogConfig config) {
        return new SesV2Mailer(ses, config.senderEmail(), config.ses().configurationSet());
    }

    /** The keys are read from Secrets Manager when the first token is issued, then cached. */
    @Produces
    @ApplicationScoped
    UnsubscribeTokens unsubscribeTokens(BlogConfig config) {
        return new UnsubscribeTokens(new TokenSigner(
                SecretsManagerKeys.cached(config.unsubscribeKeysSecret(), config.unsubscribeKeysMaxAge())),
                config.unsubscribeTokenValidity());
    }

    @Produces
    @ApplicationScoped
    AnnouncementSender announcementSender(SubscriberStore subscribers, DeliveryLedger ledger, Mailer mailer,
            UnsubscribeTokens unsubscribeTokens, BlogConfig config, Clock clock) {
        BlogConfig.Sending sending = config.sending();
        return new AnnouncementSender(subscribers, ledger, mailer,
                new EmailRenderer(config.siteUrl(), config.unsubscribeUrl()),
                unsubscribeTokens,
                new ThrottledSendRetry(sending.throttleBaseDelay(), sending.throttleMaxDelay(), sending.safetyMargin(),
                        Sleeper.THREAD, RandomGenerator.getDefault()),
                clock, sending.safetyMargin());
    }
}
