package com.example.serverless.blog.subscriptions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Subscriber ids: blog-api derives one from the address (so a second request for an address finds the first), and
 * every email names its subscriber in an SES message tag (so SES's bounce and complaint events name it back).
 */
public final class SubscriberIds {

    /** The SES message tag every email of the blog carries. */
    public static final String EMAIL_TAG = "subscriberId";

    private SubscriberIds() {
    }

    /** One id per address, whatever its case. */
    public static String ofAddress(String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("blog-subscriber\n" + address.strip().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
