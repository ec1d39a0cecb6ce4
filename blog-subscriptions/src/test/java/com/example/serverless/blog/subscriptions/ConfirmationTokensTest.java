package com.example.serverless.blog.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.blog.subscriptions.ConfirmationTokens.Confirmation;
import com.example.serverless.signing.KeyRing;
import com.example.serverless.signing.SigningKey;
import com.example.serverless.signing.TokenSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfirmationTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final KeyRing KEYS = KeyRing.of(new SigningKey("k1",
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)), List.of());

    private final ConfirmationTokens tokens = new ConfirmationTokens(new TokenSigner(() -> KEYS), Duration.ofHours(24));

    @Test
    void aTokenNamesItsSubscriberAndNonce() {
        Confirmation confirmation = new Confirmation("sub:with:colons", "n-1");

        assertEquals(confirmation, tokens.verify(tokens.issue(confirmation, NOW), NOW.plus(Duration.ofHours(23))));
    }

    @Test
    void anExpiredTokenSaysSo() {
        String token = tokens.issue(new Confirmation("s", "n"), NOW);

        assertTrue(assertThrows(InvalidLinkException.class, () -> tokens.verify(token, NOW.plus(Duration.ofHours(24)))).expired());
    }

    @Test
    void anUnsubscribeTokenIsNoConfirmationToken() {
        String unsubscribe = new UnsubscribeTokens(new TokenSigner(() -> KEYS), Duration.ofDays(30)).issue("s", NOW);

        InvalidLinkException refused = assertThrows(InvalidLinkException.class, () -> tokens.verify(unsubscribe, NOW));
        assertFalse(refused.expired());
    }

    @Test
    void aNonceWithAColonIsRefusedAtIssue() {
        assertThrows(IllegalArgumentException.class, () -> tokens.issue(new Confirmation("s", "a:b"), NOW));
    }
}
