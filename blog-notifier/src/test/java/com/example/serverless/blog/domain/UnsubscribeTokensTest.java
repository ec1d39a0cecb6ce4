package com.example.serverless.blog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final UnsubscribeTokens tokens = new UnsubscribeTokens(SECRET, Duration.ofDays(30));

    @Test
    void aTokenVerifiesToItsSubscriber() {
        String token = tokens.issue("sub-42", NOW);

        assertEquals("sub-42", tokens.verify(token, NOW.plus(Duration.ofDays(29))));
    }

    @Test
    void tokensAreUrlSafe() {
        assertTrue(tokens.issue("sub/ü?&=", NOW).matches("[A-Za-z0-9_.-]+"));
    }

    @Test
    void anExpiredTokenIsRejected() {
        String token = tokens.issue("sub-42", NOW);

        InvalidUnsubscribeTokenException e = assertThrows(InvalidUnsubscribeTokenException.class,
                () -> tokens.verify(token, NOW.plus(Duration.ofDays(30))));
        assertTrue(e.getMessage().contains("expired"));
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRejected() {
        String foreign = new UnsubscribeTokens("another-secret-of-32-characters!", Duration.ofDays(30))
                .issue("sub-42", NOW);

        assertThrows(InvalidUnsubscribeTokenException.class, () -> tokens.verify(foreign, NOW));
    }

    @Test
    void aTokenForAnotherSubscriberCannotBeMadeByEditingTheId() {
        String token = tokens.issue("sub-42", NOW);
        String[] parts = token.split("\\.");
        String otherId = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("sub-43".getBytes());

        assertThrows(InvalidUnsubscribeTokenException.class,
                () -> tokens.verify(otherId + "." + parts[1] + "." + parts[2], NOW));
    }

    @Test
    void extendingTheExpiryBreaksTheSignature() {
        String token = tokens.issue("sub-42", NOW);
        String[] parts = token.split("\\.");
        long later = Long.parseLong(parts[1]) + 86_400 * 365;

        assertThrows(InvalidUnsubscribeTokenException.class,
                () -> tokens.verify(parts[0] + "." + later + "." + parts[2], NOW.plus(Duration.ofDays(40))));
    }

    @Test
    void aFlippedSignatureCharacterIsRejected() {
        String token = tokens.issue("sub-42", NOW);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThrows(InvalidUnsubscribeTokenException.class, () -> tokens.verify(tampered, NOW));
    }

    @Test
    void malformedTokensAreRejected() {
        for (String bad : new String[] {null, "", "abc", "a.b", "a.b.c.d", "!!.1.x", "YQ.notanumber.YQ"}) {
            assertThrows(InvalidUnsubscribeTokenException.class, () -> tokens.verify(bad, NOW), String.valueOf(bad));
        }
    }

    @Test
    void aShortSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new UnsubscribeTokens("short", Duration.ofDays(1)));
    }
}
