package com.example.serverless.blog.subscriptions;

import com.example.serverless.signing.TokenSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The token of the link in a double opt-in email. It names the subscriber and the nonce of that one request: the
 * subscription is confirmed only while the stored nonce is still that one, so a link works once, and a newer
 * request's email makes older links void.
 */
public final class ConfirmationTokens {

    /** Whom a confirmation link is for, and which request sent it. */
    public record Confirmation(String subscriberId, String nonce) {
    }

    private final LinkTokens tokens;

    public ConfirmationTokens(TokenSigner signer, Duration validity) {
        this.tokens = new LinkTokens(signer, "blog-confirm-subscription", validity);
    }

    public String issue(Confirmation confirmation, Instant now) {
        if (confirmation.nonce().contains(":")) {
            throw new IllegalArgumentException("A nonce has no ':'");
        }
        return tokens.issue(now, confirmation.nonce(), confirmation.subscriberId());
    }

    public Confirmation verify(String token, Instant now) {
        List<String> fields = tokens.verify(token, now, 2);
        return new Confirmation(fields.get(1), fields.get(0));
    }
}
