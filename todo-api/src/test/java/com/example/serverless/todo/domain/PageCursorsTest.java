package com.example.serverless.todo.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.signing.KeyRing;
import com.example.serverless.signing.SigningKey;
import com.example.serverless.signing.TokenSigner;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageCursorsTest {

    private static final SigningKey FIRST = key("k1", "a-secret-of-at-least-thirty-two-characters");
    private static final SigningKey SECOND = key("k2", "another-secret-of-at-least-thirty-two-chars");

    private final PageCursors cursors = cursorsSigningWith(FIRST, List.of());
    private final Optional<TodoStatus> open = Optional.of(TodoStatus.OPEN);

    @Test
    void aCursorDecodesToTheLastIdForItsOwnerAndFilter() {
        String cursor = cursors.encode("alice", open, "0192f1c4-7a3b-7cde-8f00-000000000001");

        assertEquals("0192f1c4-7a3b-7cde-8f00-000000000001", cursors.decode("alice", open, cursor));
    }

    @Test
    void anotherOwnerOrFilterIsRefused() {
        String cursor = cursors.encode("alice", open, "id");

        assertThrows(BadCursorException.class, () -> cursors.decode("bob", open, cursor));
        assertThrows(BadCursorException.class, () -> cursors.decode("alice", Optional.empty(), cursor));
    }

    @Test
    void aCursorFromBeforeARotationStillWorksAndOneFromARetiredKeyIsRefused() {
        String beforeRotation = cursors.encode("alice", open, "id");

        PageCursors rotated = cursorsSigningWith(SECOND, List.of(FIRST));
        assertEquals("id", rotated.decode("alice", open, beforeRotation));
        assertTrue(rotated.encode("alice", open, "id").startsWith("k2."), "new cursors use the new key");

        PageCursors retired = cursorsSigningWith(SECOND, List.of());
        BadCursorException refused = assertThrows(BadCursorException.class, () -> retired.decode("alice", open, beforeRotation));
        assertTrue(refused.getMessage().contains("first page"), refused.getMessage());
    }

    @Test
    void anEditedPayloadIsRefused() {
        String[] cursor = cursors.encode("alice", open, "id-1").split("\\.");
        String otherPayload = cursors.encode("alice", open, "id-2").split("\\.")[1];

        assertThrows(BadCursorException.class,
                () -> cursors.decode("alice", open, cursor[0] + "." + otherPayload + "." + cursor[2]));
    }

    @Test
    void garbageIsRefusedNotCrashedOn() {
        for (String garbage : new String[] {"", ".", "abc", "a.b", "k1.!!!.???", "k1.YQ.", ".YQ.YQ", "a.b.c.d"}) {
            assertThrows(BadCursorException.class, () -> cursors.decode("alice", open, garbage), garbage);
        }
    }

    private static PageCursors cursorsSigningWith(SigningKey current, List<SigningKey> older) {
        KeyRing ring = KeyRing.of(current, older);
        return new PageCursors(new TokenSigner(() -> ring));
    }

    private static SigningKey key(String id, String secret) {
        return new SigningKey(id, secret.getBytes(StandardCharsets.UTF_8));
    }
}
