package com.example.serverless.signing;

import java.util.Arrays;
import java.util.Objects;

/** One HMAC key and the short id that tokens signed with it carry. */
public record SigningKey(String id, byte[] secret) {

    /** HMAC-SHA256 keys shorter than the hash are weaker than it (RFC 2104): refuse them. */
    public static final int MINIMUM_BYTES = 32;

    public SigningKey {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[0-9a-z]{1,16}")) {
            throw new IllegalArgumentException("A key id is 1-16 lower-case letters or digits: " + id);
        }
        if (secret == null || secret.length < MINIMUM_BYTES) {
            throw new IllegalArgumentException("A signing key needs at least " + MINIMUM_BYTES + " bytes");
        }
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKey key && key.id.equals(id) && Arrays.equals(key.secret, secret);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "SigningKey[" + id + "]";
    }
}
