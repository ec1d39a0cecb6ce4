package com.example.serverless.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tamper-evident tokens: {@code keyId.base64url(payload).base64url(mac)}, the HMAC-SHA256 taken over the key id, a
 * context and the payload. The context is what the token is for and whom it binds (a purpose, a caller, a query): a
 * token verifies only in the context it was signed for, so it cannot be replayed elsewhere. The key id picks the key,
 * so keys rotate without breaking tokens signed with the previous one. MACs are compared in constant time.
 */
public final class TokenSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Supplier<KeyRing> keys;

    /** @param keys the key ring; asked on every call, so a refreshed ring takes effect at once */
    public TokenSigner(Supplier<KeyRing> keys) {
        this.keys = keys;
    }

    public String sign(String context, byte[] payload) {
        SigningKey key = keys.get().current();
        return key.id() + "." + ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(key, context, payload));
    }

    /** The payload of a token signed for this context under an accepted key. */
    public byte[] verify(String context, String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty()) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "Not a token this service issued");
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(parts[1]);
            signature = DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "Not a token this service issued");
        }
        // The decoder ignores the unused low bits of a last character: only the encoding we issue is one of ours, so
        // a token has exactly one spelling (nobody holds a "different" token that verifies as the same one).
        if (!ENCODER.encodeToString(payload).equals(parts[1]) || !ENCODER.encodeToString(signature).equals(parts[2])) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "Not a token this service issued");
        }
        SigningKey key = keys.get().key(parts[0]).orElseThrow(() -> new InvalidTokenException(
                InvalidTokenException.Reason.UNKNOWN_KEY, "The token was signed with a key that is no longer accepted"));
        if (!MessageDigest.isEqual(signature, mac(key, context, payload))) {
            throw new InvalidTokenException(InvalidTokenException.Reason.BAD_SIGNATURE,
                    "The token was altered, or issued for another purpose");
        }
        return payload;
    }

    private static byte[] mac(SigningKey key, String context, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.secret(), ALGORITHM));
            // Lengths first: no two (key id, context, payload) triples feed the MAC the same bytes.
            byte[] id = key.id().getBytes(StandardCharsets.UTF_8);
            byte[] contextBytes = context.getBytes(StandardCharsets.UTF_8);
            mac.update((id.length + ":" + contextBytes.length + ":").getBytes(StandardCharsets.UTF_8));
            mac.update(id);
            mac.update(contextBytes);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
