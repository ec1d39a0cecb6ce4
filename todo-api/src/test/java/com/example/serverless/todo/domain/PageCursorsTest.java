package com.example.serverless.todo.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageCursorsTest {

    private final PageCursors cursors = new PageCursors("a-secret-of-at-least-thirty-two-characters");
    private final Optional<TodoStatus> open = Optional.of(TodoStatus.OPEN);

    @Test
    void aCursorDecodesToTheLastIdForItsOwnerAndFilter() {
        String cursor = cursors.encode("alice", open, "0192f1c4-7a3b-7cde-8f00-000000000001");

        assertEquals("0192f1c4-7a3b-7cde-8f00-000000000001", cursors.decode("alice", open, cursor));
    }

    @Test
    void anotherOwnerFilterOrSecretIsRefused() {
        String cursor = cursors.encode("alice", open, "id");

        assertThrows(BadCursorException.class, () -> cursors.decode("bob", open, cursor));
        assertThrows(BadCursorException.class, () -> cursors.decode("alice", Optional.empty(), cursor));
        assertThrows(BadCursorException.class,
                () -> new PageCursors("another-secret-of-at-least-thirty-two-chars").decode("alice", open, cursor));
    }

    @Test
    void anEditedPayloadIsRefused() {
        String cursor = cursors.encode("alice", open, "id-1");
        String forged = cursors.encode("alice", open, "id-2").split("\\.")[0] + "." + cursor.split("\\.")[1];

        assertThrows(BadCursorException.class, () -> cursors.decode("alice", open, forged));
    }

    @Test
    void garbageIsRefusedNotCrashedOn() {
        for (String garbage : new String[] {"", ".", "abc", "a.b.c", "!!!.???", "YQ.", ".YQ"}) {
            assertThrows(BadCursorException.class, () -> cursors.decode("alice", open, garbage), garbage);
        }
    }

    @Test
    void aShortSecretIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new PageCursors("short"));
    }
}
