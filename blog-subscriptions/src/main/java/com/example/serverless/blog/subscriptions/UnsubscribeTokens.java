package com.example.serverless.blog.subscriptions;

import com.example.serverless.signing.TokenSigner;
import java.time.Duration;
import java.time.Instant;

/**
 * The token of the unsubscribe link in every announcement (and of its one-click List-Unsubscribe header): anyone
 * holding it can unsubscribe that one subscriber until it expires, and nobody can make one for another subscriber
 * without the key. blog-notifier issues them, blog-api honours them.
 */
public final class UnsubscribeTokens {

    private final LinkTokens tokens;

    public UnsubscribeTokens(TokenSigner signer, Duration validity) {
        this.tokens = new LinkTokens(signer, "blog-unsubscribe", validity);
    }

    public String issue(String subscriberId, Instant now) {
        return tokens.issue(now, subscriberId);
    }

    /** The subscriber the token was issued for. */
    public String verify(String token, Instant now) {
        return tokens.verify(token, now, 1).getFirst();
    }
}
