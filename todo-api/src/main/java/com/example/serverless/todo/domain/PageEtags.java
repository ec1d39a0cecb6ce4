package com.example.serverless.todo.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A strong entity tag for one page of todos: a SHA-256 over the caller, each item's id and version (a todo's every
 * change, attachments included, bumps its version) and the next cursor. So the tag changes exactly when the page's
 * body would, and one user's tag never matches another user's page, not even an equally empty one.
 */
public final class PageEtags {

    private PageEtags() {
    }

    public static String of(String ownerId, Page<Todo> page) {
        MessageDigest sha256 = sha256();
        update(sha256, ownerId);
        for (Todo todo : page.items()) {
            update(sha256, todo.id());
            update(sha256, Long.toString(todo.version()));
        }
        update(sha256, page.next().orElse(""));
        // 128 bits are plenty to tell pages apart and keep the header short.
        return "\"" + HexFormat.of().formatHex(sha256.digest(), 0, 16) + "\"";
    }

    private static void update(MessageDigest digest, String field) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        // Length-prefixed, so ("ab","c") and ("a","bc") hash differently.
        digest.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8), (byte) bytes.length});
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
