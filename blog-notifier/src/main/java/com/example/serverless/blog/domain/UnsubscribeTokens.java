package com.example.serverless.blog.domain;

import com.example.serverless.signing.InvalidTokenException;
import com.example.serverless.signing.TokenSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Signed, expiring unsubscribe tokens: the payload {@code expiresEpochSecond:subscriberId}, signed for the purpose
 * "unsubscribe" (see {@link TokenSigner}: the key's id travels in the token, so links mailed before a key rotation
 * keep working until the next one). Anyone holding a token can unsubscribe that one subscriber until it expires, and
 * nobody can make one for another subscriber without the key.
 */
public final class UnsubscribeTokens {

    private static final String PURPOSE = "blog-unsubscribe";

    private final TokenSigner signer;
    private final Duration validity;

    public UnsubscribeTokens(TokenSigner signer, Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("Unsubscribe tokens need a positive validity");
        }
        this.signer = signer;
        this.validity = validity;
    }

    public String issue(String subscriberId, Instant now) {
        long expires = now.plus(validity).getEpochSecond();
        return signer.sign(PURPOSE, (expires + ":" + subscriberId).getBytes(StandardCharsets.UTF_8));
    }

    /** The subscriber the token was issued for. */
    public String verify(String token, Instant now) {
        String payload;
        try {
            payload = new String(signer.verify(PURPOSE, token), StandardCharsets.UTF_8);
        } catch (InvalidTokenException e) {
            throw new InvalidUnsubscribeTokenException(switch (e.reason()) {
                case MALFORMED -> "Not an unsubscribe token";
                case UNKNOWN_KEY -> "The unsubscribe token has expired";
                case BAD_SIGNATURE -> "The unsubscribe token was altered or signed with another key";
            });
        }
        // Read after the signature is checked, so an expiry cannot be probed with forged tokens.
        int colon = payload.indexOf(':');
        long expires = Long.parseLong(payload.substring(0, colon));
        if (!now.isBefore(Instant.ofEpochSecond(expires))) {
            throw new InvalidUnsubscribeTokenException("The unsubscribe token has expired");
        }
        return payload.substring(colon + 1);
    }
}
