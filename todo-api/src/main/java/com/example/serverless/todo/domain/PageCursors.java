package com.example.serverless.todo.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident pagination cursors. A cursor names the last todo of a page and is signed with
 * HMAC-SHA256 over that id, the status filter and the caller, so it cannot be edited, replayed with another
 * filter, or used by another user.
 */
public final class PageCursors {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public PageCursors(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("The cursor secret needs at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String encode(String ownerId, Optional<TodoStatus> status, String lastTodoId) {
        byte[] payload = lastTodoId.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(ownerId, status, payload));
    }

    /** The id of the last todo on the previous page. */
    public String decode(String ownerId, Optional<TodoStatus> status, String cursor) {
        int dot = cursor.indexOf('.');
        if (dot < 1 || dot != cursor.lastIndexOf('.')) {
            throw new BadCursorException("The cursor is not one this service issued");
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(cursor.substring(0, dot));
            signature = DECODER.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new BadCursorException("The cursor is not one this service issued");
        }
        if (!MessageDigest.isEqual(signature, sign(ownerId, status, payload))) {
            throw new BadCursorException("The cursor was altered, or issued for another query");
        }
        return new String(payload, StandardCharsets.UTF_8);
    }

    private byte[] sign(String ownerId, Optional<TodoStatus> status, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((ownerId + "\n" + status.map(TodoStatus::wireName).orElse("*") + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
