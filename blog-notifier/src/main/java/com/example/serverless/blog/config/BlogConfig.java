package com.example.serverless.blog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything the sender reads from its environment. The SAM template sets the variables named on each
 * method; SmallRye maps them onto these keys (BLOG_SES_CONFIGURATION_SET is {@code blog.ses.configuration-set}).
 */
@ConfigMapping(prefix = "blog")
public interface BlogConfig {

    /** BLOG_SUBSCRIBERS_TABLE */
    String subscribersTable();

    /** BLOG_LEDGER_TABLE */
    String ledgerTable();

    /** BLOG_SENDER_EMAIL: a verified SES identity (address or an address of a verified domain). */
    String senderEmail();

    /** BLOG_SITE_URL: the blog's public base URL; posts are linked as {@code <site-url>/posts/<postId>}. */
    URI siteUrl();

    /** BLOG_UNSUBSCRIBE_URL: the endpoint that takes {@code ?token=} (GET shows a page, POST is one-click). */
    URI unsubscribeUrl();

    /**
     * BLOG_UNSUBSCRIBE_KEYS_SECRET: the Secrets Manager secret (ARN or name) whose AWSCURRENT version signs the
     * unsubscribe tokens and whose AWSPREVIOUS version still verifies them (see signing-keys).
     */
    String unsubscribeKeysSecret();

    /** How long the unsubscribe keys are cached: a rotation reaches warm functions within this time. */
    @WithDefault("PT5M")
    Duration unsubscribeKeysMaxAge();

    /** How long an unsubscribe link works. */
    @WithDefault("P60D")
    Duration unsubscribeTokenValidity();

    /** How long ledger entries are kept (table TTL): within it, a post is never mailed twice to anyone. */
    @WithDefault("P180D")
    Duration ledgerRetention();

    Ses ses();

    Sending sending();

    interface Ses {

        /** BLOG_SES_CONFIGURATION_SET */
        String configurationSet();

        /** Only for tests and local emulators; on Lambda the SDK finds the regional endpoint. */
        Optional<URI> endpointOverride();

        /** Defaults to the Lambda environment's AWS_REGION. */
        Optional<String> region();

        /** One SendEmail call, connection included, must finish within this. */
        @WithDefault("PT5S")
        Duration apiCallTimeout();
    }

    interface Sending {

        /**
         * No new email is claimed with less time left than this: it covers one SendEmail call (its timeout)
         * and the ledger writes around it.
         */
        @WithDefault("PT10S")
        Duration safetyMargin();

        /** First backoff ceiling after a throttled call; doubles per attempt. */
        @WithDefault("PT0.2S")
        Duration throttleBaseDelay();

        @WithDefault("PT5S")
        Duration throttleMaxDelay();

        /**
         * The time budget when the runtime reports no deadline (Quarkus's mock event server sends no
         * Lambda-Runtime-Deadline-Ms); on Lambda the context's remaining time is used.
         */
        @WithDefault("PT60S")
        Duration fallbackTimeBudget();
    }
}
