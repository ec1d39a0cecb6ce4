package com.example.serverless.todo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.serverless.todo.domain.FieldError;
import com.example.serverless.todo.domain.TodoPatch;
import com.example.serverless.todo.domain.ValidationException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TodoJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    private TodoPatch read(String body) throws Exception {
        return TodoJson.read(json.readTree(body));
    }

    @Test
    void absentNullAndValuesBecomeKeepRemoveAndSet() throws Exception {
        TodoPatch patch = read("{\"description\":null,\"dueDate\":\"2026-12-24\"}");

        assertInstanceOf(TodoPatch.FieldChange.Keep.class, patch.title());
        assertInstanceOf(TodoPatch.FieldChange.Remove.class, patch.description());
        assertEquals(new TodoPatch.FieldChange.Set<>(LocalDate.of(2026, 12, 24)), patch.dueDate());
    }

    @Test
    void typeErrorsAndUnknownFieldsAreAllReported() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> read("{\"title\":1,\"tags\":[1],\"dueDate\":\"2026-02-30\",\"status\":\"DONE\",\"extra\":true}"));

        assertEquals(List.of("extra", "title", "dueDate", "tags", "status"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void attachmentBodiesNeedEveryFieldWithTheRightType() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> TodoJson.readAttachment(json.readTree("{\"fileName\":\"a.txt\",\"size\":1.5}")));

        assertEquals(List.of("size", "contentType"), e.errors().stream().map(FieldError::field).sorted(
                java.util.Comparator.reverseOrder()).toList());
    }
}
