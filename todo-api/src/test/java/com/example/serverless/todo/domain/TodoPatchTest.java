package com.example.serverless.todo.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.serverless.todo.domain.TodoPatch.FieldChange;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TodoPatchTest {

    private final TodoFields current = new TodoFields("title", "desc", LocalDate.of(2026, 12, 24), List.of("a"),
            TodoStatus.OPEN);

    @Test
    void keptFieldsStaySetFieldsChangeRemovedFieldsGo() {
        TodoPatch patch = new TodoPatch(FieldChange.keep(), new FieldChange.Remove<>(), FieldChange.keep(),
                new FieldChange.Set<>(List.of("b")), new FieldChange.Set<>(TodoStatus.DONE));

        TodoFields patched = patch.applyTo(current);

        assertEquals("title", patched.title());
        assertNull(patched.description());
        assertEquals(LocalDate.of(2026, 12, 24), patched.dueDate());
        assertEquals(List.of("b"), patched.tags());
        assertEquals(TodoStatus.DONE, patched.status());
    }

    @Test
    void removingTheTitleIsAValidationError() {
        TodoPatch patch = new TodoPatch(new FieldChange.Remove<>(), FieldChange.keep(), FieldChange.keep(),
                FieldChange.keep(), FieldChange.keep());

        assertThrows(ValidationException.class, () -> patch.applyTo(current));
    }
}
