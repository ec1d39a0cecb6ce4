package com.example.serverless.todo.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageEtagsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final TodoFields TODO_FIELDS = new TodoFields("a todo", null, null, List.of(), TodoStatus.OPEN);

    @Test
    void theSamePageHasTheSameTag() {
        assertEquals(PageEtags.of("alice", page(Optional.of("c1"), todo("a", 1))),
                PageEtags.of("alice", page(Optional.of("c1"), todo("a", 1))));
    }

    @Test
    void aNewVersionAnotherItemAnotherCursorOrAnotherOwnerChangeTheTag() {
        String tag = PageEtags.of("alice", page(Optional.of("c1"), todo("a", 1)));

        assertNotEquals(tag, PageEtags.of("alice", page(Optional.of("c1"), todo("a", 2))));
        assertNotEquals(tag, PageEtags.of("alice", page(Optional.of("c1"), todo("a", 1), todo("b", 1))));
        assertNotEquals(tag, PageEtags.of("alice", page(Optional.empty(), todo("a", 1))));
        assertNotEquals(tag, PageEtags.of("bob", page(Optional.of("c1"), todo("a", 1))));
    }

    private static Page<Todo> page(Optional<String> next, Todo... items) {
        return new Page<>(List.of(items), next);
    }

    private static Todo todo(String id, long version) {
        return new Todo(id, "owner", TODO_FIELDS, version, NOW, NOW, List.of());
    }
}
