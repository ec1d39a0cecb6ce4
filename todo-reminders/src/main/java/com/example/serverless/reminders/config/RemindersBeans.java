package com.example.serverless.reminders.config;

import com.example.serverless.email.Mailer;
import com.example.serverless.email.SesV2Clients;
import com.example.serverless.email.SesV2Mailer;
import com.example.serverless.email.Sleeper;
import com.example.serverless.email.ThrottledSendRetry;
import com.example.serverless.reminders.domain.DueTodos;
import com.example.serverless.reminders.domain.ReminderJob;
import com.example.serverless.reminders.domain.ReminderLedger;
import com.example.serverless.reminders.domain.ReminderRenderer;
import com.example.serverless.reminders.domain.UserDirectory;
import com.example.serverless.reminders.store.CognitoUserDirectory;
import com.example.serverless.reminders.store.DynamoDbDueTodos;
import com.example.serverless.reminders.store.DynamoDbReminderLedger;
import com.example.serverless.telemetry.EmfMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Wires the plain-Java job to DynamoDB (the Quarkiverse client), SES v2 (email-sending's client) and Cognito (no
 * extension in this build's mirror: the one producer of that client is here).
 */
public class RemindersBeans {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    EmfMetrics metrics() {
        return EmfMetrics.toStandardOutput("todo-reminders");
    }

    /** Lambda's credentials from its environment; tests replace this bean with the local cloud account's. */
    @Produces
    @ApplicationScoped
    AwsCredentialsProvider credentials() {
        return DefaultCredentialsProvider.builder().build();
    }

    @Produces
    @ApplicationScoped
    SesV2Client sesV2Client(RemindersConfig config, AwsCredentialsProvider credentials) {
        return SesV2Clients.oneAttemptPerCall(config.aws().endpointOverride(), config.aws().region(),
                config.ses().apiCallTimeout(), credentials);
    }

    void closeSesV2Client(@Disposes SesV2Client client) {
        client.close();
    }

    @Produces
    @ApplicationScoped
    CognitoIdentityProviderClient cognitoClient(RemindersConfig config, AwsCredentialsProvider credentials) {
        CognitoIdentityProviderClientBuilder builder = CognitoIdentityProviderClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(credentials)
                .overrideConfiguration(client -> client.apiCallTimeout(config.aws().cognitoApiCallTimeout()));
        config.aws().endpointOverride().ifPresent(builder::endpointOverride);
        config.aws().region().map(Region::of).ifPresent(builder::region);
        return builder.build();
    }

    void closeCognitoClient(@Disposes CognitoIdentityProviderClient client) {
        client.close();
    }

    @Produces
    @ApplicationScoped
    DueTodos dueTodos(DynamoDbClient dynamoDb, RemindersConfig config) {
        return new DynamoDbDueTodos(dynamoDb, config.todosTable(), config.dueDateIndex());
    }

    @Produces
    @ApplicationScoped
    ReminderLedger reminderLedger(DynamoDbClient dynamoDb, RemindersConfig config) {
        return new DynamoDbReminderLedger(dynamoDb, config.ledgerTable(), config.ledgerRetention());
    }

    @Produces
    @ApplicationScoped
    UserDirectory userDirectory(CognitoIdentityProviderClient cognito, RemindersConfig config) {
        return new CognitoUserDirectory(cognito, config.userPoolId());
    }

    @Produces
    @ApplicationScoped
    Mailer mailer(SesV2Client ses, RemindersConfig config) {
        return new SesV2Mailer(ses, config.senderEmail(), config.ses().configurationSet());
    }

    @Produces
    @ApplicationScoped
    ReminderJob reminderJob(DueTodos todos, ReminderLedger ledger, UserDirectory users, Mailer mailer,
            RemindersConfig config, Clock clock) {
        return new ReminderJob(todos, ledger, users, mailer, new ReminderRenderer(),
                new ThrottledSendRetry(config.throttleBaseDelay(), config.throttleMaxDelay(), config.safetyMargin(),
                        Sleeper.THREAD, RandomGenerator.getDefault()),
                clock, config.pageSize(), config.safetyMargin());
    }
}
