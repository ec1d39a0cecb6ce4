package com.example.serverless.blog.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring unsubscribe tokens: {@code base64url(subscriberId).expiresEpochSecond.base64url(hmac)}, the
 * HMAC-SHA256 taken over the purpose, the subscriber id and the expiry. Anyone holding a token can unsubscribe
 * that one subscriber until it expires, and nobody can make one for another subscriber without the secret.
 * Verification compares in constant time.
 */
public final class UnsubscribeTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration validity;

    public UnsubscribeTokens(String secret, Duration validity) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("The unsubscribe secret needs at least 32 characters");
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("Unsubscribe tokens need a positive validity");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.validity = validity;
    }

    public String issue(String subscriberId, Instant now) {
        long expires = now.plus(validity).getEpochSecond();
        byte[] id = subscriberId.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(id) + "." + expires + "." + ENCODER.encodeToString(sign(id, expires));
    }

    /** The subscriber the token was issued for. */
    public String verify(String token, Instant now) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidUnsubscribeTokenException("Not an unsubscribe token");
        }
        byte[] id;
        byte[] signature;
        long expires;
        try {
            id = DECODER.decode(parts[0]);
            expires = Long.parseLong(parts[1]);
            signature = DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidUnsubscribeTokenException("Not an unsubscribe token");
        }
        if (!MessageDigest.isEqual(signature, sign(id, expires))) {
            throw new InvalidUnsubscribeTokenException("The unsubscribe token was altered or signed with another key");
        }
        // Checked after the signature, so an expiry cannot be probed with forged tokens.
        if (!now.isBefore(Instant.ofEpochSecond(expires))) {
            throw new InvalidUnsubscribeTokenException("The unsubscribe token has expired");
        }
        return new String(id, StandardCharsets.UTF_8);
    }

    private byte[] sign(byte[] subscriberId, long expires) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update("unsubscribe\n".getBytes(StandardCharsets.UTF_8));
            mac.update(subscriberId);
            return mac.doFinal(("\n" + expires).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
