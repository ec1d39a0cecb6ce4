package com.example.serverless.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TokenSignerTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static final SigningKey OLD = new SigningKey("0ld0ld00", "o".repeat(32).getBytes(StandardCharsets.UTF_8));
    private static final SigningKey NEW = new SigningKey("9e39e300", "n".repeat(40).getBytes(StandardCharsets.UTF_8));
    private static final byte[] PAYLOAD = "todo-42".getBytes(StandardCharsets.UTF_8);

    private final AtomicReference<KeyRing> ring = new AtomicReference<>(KeyRing.of(OLD, List.of()));
    private final TokenSigner signer = new TokenSigner(ring::get);

    @Test
    void aTokenCarriesTheKeyIdAndVerifiesInItsOwnContext() {
        String token = signer.sign("cursor\nalice", PAYLOAD);

        assertTrue(token.startsWith(OLD.id() + "."), token);
        assertArrayEquals(PAYLOAD, signer.verify("cursor\nalice", token));
    }

    @Test
    void aTokenOfAnotherContextIsRefused() {
        String token = signer.sign("cursor\nalice", PAYLOAD);

        assertEquals(InvalidTokenException.Reason.BAD_SIGNATURE,
                assertThrows(InvalidTokenException.class, () -> signer.verify("cursor\nbob", token)).reason());
    }

    @Test
    void anAlteredPayloadOrSignatureIsRefused() {
        String token = signer.sign("unsubscribe", PAYLOAD);
        String[] parts = token.split("\\.");
        String otherPayload = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("todo-43".getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String otherSignature = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? "B" : "A") + parts[2].substring(1);

        for (String forged : List.of(otherPayload, otherSignature)) {
            assertEquals(InvalidTokenException.Reason.BAD_SIGNATURE,
                    assertThrows(InvalidTokenException.class, () -> signer.verify("unsubscribe", forged)).reason(), forged);
        }
    }

    @Test
    void aKeyIdCannotBeSwappedForAnotherAcceptedKey() {
        ring.set(KeyRing.of(NEW, List.of(OLD)));
        String token = signer.sign("unsubscribe", PAYLOAD);
        String relabelled = OLD.id() + token.substring(token.indexOf('.'));

        assertEquals(InvalidTokenException.Reason.BAD_SIGNATURE,
                assertThrows(InvalidTokenException.class, () -> signer.verify("unsubscribe", relabelled)).reason());
    }

    @Test
    void afterARotationOldTokensVerifyNewOnesUseTheNewKeyAndAfterTheNextTheOldestAreRefused() {
        String before = signer.sign("unsubscribe", PAYLOAD);
        ring.set(KeyRing.of(NEW, List.of(OLD)));

        assertArrayEquals(PAYLOAD, signer.verify("unsubscribe", before));
        assertTrue(signer.sign("unsubscribe", PAYLOAD).startsWith(NEW.id() + "."));

        ring.set(KeyRing.of(new SigningKey("ffff0000", new byte[32]), List.of(NEW)));
        assertEquals(InvalidTokenException.Reason.UNKNOWN_KEY,
                assertThrows(InvalidTokenException.class, () -> signer.verify("unsubscribe", before)).reason());
    }

    @Test
    void aTokenHasOneSpellingTheUnusedBitsOfItsLastCharacterIncluded() {
        String token = signer.sign("unsubscribe", PAYLOAD);
        // 32 MAC bytes are 43 base64url characters; the last one carries 4 bits, so flipping its lowest bit
        // decodes to the same bytes. That spelling is not ours: refused, not verified.
        char last = token.charAt(token.length() - 1);
        String respelled = token.substring(0, token.length() - 1) + ALPHABET.charAt(ALPHABET.indexOf(last) ^ 1);

        assertEquals(InvalidTokenException.Reason.MALFORMED,
                assertThrows(InvalidTokenException.class, () -> signer.verify("unsubscribe", respelled)).reason());
    }

    @Test
    void malformedTokensAreRefusedAsMalformed() {
        for (String malformed : java.util.Arrays.asList(null, "", "abc", "a.b", ".x.y", "k.!!.y", "k.eA.!!", "a.b.c.d")) {
            assertEquals(InvalidTokenException.Reason.MALFORMED,
                    assertThrows(InvalidTokenException.class, () -> signer.verify("x", malformed)).reason(), malformed);
        }
    }

    @Test
    void shortKeysAndOddIdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SigningKey("k1", new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> new SigningKey("Key.1", new byte[32]));
    }
}
