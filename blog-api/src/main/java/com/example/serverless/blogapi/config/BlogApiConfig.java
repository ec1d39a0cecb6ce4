package com.example.serverless.blogapi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Everything blog-api reads from its environment (the SAM template sets the BLOG_API_* variables). */
@ConfigMapping(prefix = "blog-api")
public interface BlogApiConfig {

    /** BLOG_API_POSTS_TABLE */
    String postsTable();

    /** BLOG_API_SUBSCRIBERS_TABLE */
    String subscribersTable();

    /**
     * BLOG_API_LINK_BASE_URL: where the confirmation email's link points ({@code <base>/confirm?token=}), once the
     * blog's site serves that page; without it, this API's own {@code /confirm} page, as the request reached the API.
     */
    Optional<URI> linkBaseUrl();

    /** BLOG_API_SENDER_EMAIL: a verified SES identity. */
    String senderEmail();

    /** BLOG_API_SES_CONFIGURATION_SET */
    String sesConfigurationSet();

    /** BLOG_API_LINK_KEYS_SECRET: the Secrets Manager secret (ARN or name) of the email links' keys (signing-keys). */
    String linkKeysSecret();

    @WithDefault("PT5M")
    Duration linkKeysMaxAge();

    /** How long a confirmation link works. */
    @WithDefault("PT24H")
    Duration confirmationValidity();

    /** No second confirmation email to one address within this: the form cannot be used to mail-bomb anyone. */
    @WithDefault("PT10M")
    Duration confirmationCooldown();

    /** Request bodies larger than this are refused with 413 before they are read. */
    @WithDefault("262144")
    int maxRequestBytes();

    Ses ses();

    interface Ses {
        /** Only for tests and local clouds; on Lambda the SDK finds the regional endpoint. */
        Optional<URI> endpointOverride();

        Optional<String> region();

        @WithDefault("PT5S")
        Duration apiCallTimeout();
    }
}
