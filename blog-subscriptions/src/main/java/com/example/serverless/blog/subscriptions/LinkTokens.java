package com.example.serverless.blog.subscriptions;

import com.example.serverless.signing.InvalidTokenException;
import com.example.serverless.signing.TokenSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Signed, expiring tokens for the links in the blog's emails: the payload {@code expiresEpochSecond:field:field...},
 * signed for one purpose (see {@link TokenSigner}: the key's id travels in the token, so links mailed before a key
 * rotation keep working until the next one). Fields may not contain ':' except the last.
 */
final class LinkTokens {

    private final TokenSigner signer;
    private final String purpose;
    private final Duration validity;

    LinkTokens(TokenSigner signer, String purpose, Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("Link tokens need a positive validity");
        }
        this.signer = signer;
        this.purpose = purpose;
        this.validity = validity;
    }

    String issue(Instant now, String... fields) {
        long expires = now.plus(validity).getEpochSecond();
        return signer.sign(purpose, (expires + ":" + String.join(":", fields)).getBytes(StandardCharsets.UTF_8));
    }

    /** The fields the token was issued with, once its signature and expiry are checked. */
    List<String> verify(String token, Instant now, int fieldCount) {
        String payload;
        try {
            payload = new String(signer.verify(purpose, token), StandardCharsets.UTF_8);
        } catch (InvalidTokenException e) {
            throw switch (e.reason()) {
                case MALFORMED -> new InvalidLinkException("Not a link this blog sent", false);
                case UNKNOWN_KEY -> new InvalidLinkException("The link has expired", true);
                case BAD_SIGNATURE -> new InvalidLinkException("The link was altered, or is for something else", false);
            };
        }
        // Read after the signature is checked, so an expiry cannot be probed with forged tokens.
        String[] parts = payload.split(":", fieldCount + 1);
        if (parts.length != fieldCount + 1) {
            throw new InvalidLinkException("Not a link this blog sent", false);
        }
        if (!now.isBefore(Instant.ofEpochSecond(Long.parseLong(parts[0])))) {
            throw new InvalidLinkException("The link has expired", true);
        }
        return List.of(parts).subList(1, parts.length);
    }
}
