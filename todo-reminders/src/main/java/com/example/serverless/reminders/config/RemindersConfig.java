package com.example.serverless.reminders.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What todo-reminders reads from its environment; the SAM template sets the variables named on each method
 * (TODO_REMINDERS_SES_CONFIGURATION_SET is {@code todo-reminders.ses.configuration-set}).
 */
@ConfigMapping(prefix = "todo-reminders")
public interface RemindersConfig {

    /** TODO_REMINDERS_TODOS_TABLE: todo-api's table. */
    String todosTable();

    /** TODO_REMINDERS_DUE_DATE_INDEX: its index by due date. */
    @WithDefault("byDueDate")
    String dueDateIndex();

    /** TODO_REMINDERS_LEDGER_TABLE */
    String ledgerTable();

    /** TODO_REMINDERS_USER_POOL_ID: the pool whose users own the todos. */
    String userPoolId();

    /** TODO_REMINDERS_SENDER_EMAIL: a verified SES identity (address or an address of a verified domain). */
    String senderEmail();

    /** The calendar the due dates are read in: "today" and "tomorrow" start at midnight here. */
    @WithDefault("UTC")
    ZoneId zone();

    /** How long ledger entries are kept (table TTL); a todo is only looked at on the day before and on its due date. */
    @WithDefault("P14D")
    Duration ledgerRetention();

    /** Todos read per Query page. */
    @WithDefault("100")
    int pageSize();

    /** No reminder is claimed with less time left than this: one SendEmail (its timeout) and the ledger writes around it. */
    @WithDefault("PT10S")
    Duration safetyMargin();

    /** First backoff ceiling after a throttled SendEmail; doubles per attempt. */
    @WithDefault("PT0.2S")
    Duration throttleBaseDelay();

    @WithDefault("PT5S")
    Duration throttleMaxDelay();

    /** The time budget when the runtime reports no deadline (Quarkus's mock event server); on Lambda, the context's. */
    @WithDefault("PT60S")
    Duration fallbackTimeBudget();

    Ses ses();

    Aws aws();

    interface Ses {

        /** TODO_REMINDERS_SES_CONFIGURATION_SET */
        String configurationSet();

        /** One SendEmail call, connection included, must finish within this. */
        @WithDefault("PT5S")
        Duration apiCallTimeout();
    }

    /** The SES and Cognito clients (no Quarkus extension for either); DynamoDB's is configured as quarkus.dynamodb.*. */
    interface Aws {

        /** Only for tests and local clouds; on Lambda the SDK finds the regional endpoints. */
        Optional<URI> endpointOverride();

        /** Defaults to the Lambda environment's AWS_REGION. */
        Optional<String> region();

        /** One ListUsers call must finish within this. */
        @WithDefault("PT3S")
        Duration cognitoApiCallTimeout();
    }
}
