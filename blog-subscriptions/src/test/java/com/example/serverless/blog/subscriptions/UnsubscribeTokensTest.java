package com.example.serverless.blog.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.signing.KeyRing;
import com.example.serverless.signing.SigningKey;
import com.example.serverless.signing.TokenSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    private static final SigningKey KEY = key("k1", "0123456789abcdef0123456789abcdef");
    private static final SigningKey NEXT_KEY = key("k2", "another-secret-of-32-characters!");
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final UnsubscribeTokens tokens = tokensSigningWith(KEY, List.of());

    /** What the tests in this class need of the production signer: a fixed ring. */
    static UnsubscribeTokens tokensSigningWith(SigningKey current, List<SigningKey> older) {
        KeyRing ring = KeyRing.of(current, older);
        return new UnsubscribeTokens(new TokenSigner(() -> ring), Duration.ofDays(30));
    }

    @Test
    void aTokenVerifiesToItsSubscriber() {
        String token = tokens.issue("sub-42", NOW);

        assertEquals("sub-42", tokens.verify(token, NOW.plus(Duration.ofDays(29))));
    }

    @Test
    void tokensAreUrlSafe() {
        assertTrue(tokens.issue("sub/ü?&=:", NOW).matches("[A-Za-z0-9_.-]+"));
        assertEquals("sub/ü?&=:", tokens.verify(tokens.issue("sub/ü?&=:", NOW), NOW));
    }

    @Test
    void anExpiredTokenIsRejected() {
        String token = tokens.issue("sub-42", NOW);

        InvalidLinkException e = assertThrows(InvalidLinkException.class,
                () -> tokens.verify(token, NOW.plus(Duration.ofDays(30))));
        assertTrue(e.expired(), e.getMessage());
    }

    @Test
    void aLinkMailedBeforeAKeyRotationStillUnsubscribes() {
        String mailedBefore = tokens.issue("sub-42", NOW);

        assertEquals("sub-42", tokensSigningWith(NEXT_KEY, List.of(KEY)).verify(mailedBefore, NOW));
        InvalidLinkException retired = assertThrows(InvalidLinkException.class,
                () -> tokensSigningWith(NEXT_KEY, List.of()).verify(mailedBefore, NOW));
        assertTrue(retired.expired(), retired.getMessage());
    }

    @Test
    void aTokenSignedWithAnotherKeyOfTheSameIdIsRejected() {
        String foreign = tokensSigningWith(key("k1", "another-secret-of-32-characters!"), List.of()).issue("sub-42", NOW);

        assertThrows(InvalidLinkException.class, () -> tokens.verify(foreign, NOW));
    }

    @Test
    void aTokenForAnotherSubscriberOrALaterExpiryCannotBeMadeByEditingThePayload() {
        String[] parts = tokens.issue("sub-42", NOW).split("\\.");
        String expires = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).split(":")[0];
        for (String edited : List.of(expires + ":sub-43", (Long.parseLong(expires) + 86_400 * 365) + ":sub-42")) {
            String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(edited.getBytes(StandardCharsets.UTF_8));
            assertThrows(InvalidLinkException.class,
                    () -> tokens.verify(parts[0] + "." + payload + "." + parts[2], NOW.plus(Duration.ofDays(40))), edited);
        }
    }

    @Test
    void aFlippedSignatureCharacterIsRejected() {
        String token = tokens.issue("sub-42", NOW);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThrows(InvalidLinkException.class, () -> tokens.verify(tampered, NOW));
    }

    @Test
    void malformedTokensAreRejected() {
        for (String bad : new String[] {null, "", "abc", "a.b", "a.b.c.d", "k1.!!.x", "k1.YQ.YQ"}) {
            assertThrows(InvalidLinkException.class, () -> tokens.verify(bad, NOW), String.valueOf(bad));
        }
    }

    private static SigningKey key(String id, String secret) {
        return new SigningKey(id, secret.getBytes(StandardCharsets.UTF_8));
    }
}
