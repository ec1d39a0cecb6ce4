package com.example.serverless.todo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.serverless.todo.domain.FieldError;
import com.example.serverless.todo.domain.TodoPatch;
import com.example.serverless.todo.domain.TodoStatus;
import com.example.serverless.todo.domain.ValidationException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private final JsonBodies bodies = new JsonBodies(new ObjectMapper().registerModule(new JavaTimeModule()), VALIDATOR, 1000);

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void absentNullAndValuesBecomeKeepRemoveAndSet() throws Exception {
        JsonBodies.Present<TodoMergePatch> body = bodies.readPresent(
                utf8("{\"description\":null,\"dueDate\":\"2026-12-24\"}"), TodoMergePatch.class);
        TodoPatch patch = body.value().patch(body.names());

        assertEquals(Set.of("description", "dueDate"), body.names());
        assertInstanceOf(TodoPatch.FieldChange.Keep.class, patch.title());
        assertInstanceOf(TodoPatch.FieldChange.Remove.class, patch.description());
        assertEquals(new TodoPatch.FieldChange.Set<>(LocalDate.of(2026, 12, 24)), patch.dueDate());
    }

    @Test
    void unknownFieldsWrongTypesAndBrokenRulesAreAllReported() {
        ValidationException e = assertThrows(ValidationException.class, () -> bodies.read(utf8(
                "{\"title\":1,\"tags\":[1],\"dueDate\":\"2026-02-30\",\"status\":\"DONE\",\"extra\":true}"),
                TodoRequest.class));

        assertEquals(List.of("extra", "title", "dueDate", "tags", "status"), fields(e));
    }

    @Test
    void noValueIsSilentlyConverted() {
        ValidationException e = assertThrows(ValidationException.class, () -> bodies.read(utf8(
                "{\"fileName\":true,\"contentType\":7,\"size\":\"5\"}"), AttachmentUploadRequest.class));

        assertEquals(List.of("fileName", "contentType", "size"), fields(e));
        assertEquals("must be a whole number", e.errors().get(2).message());
    }

    @Test
    void aFractionIsNotAWholeNumberAndMissingFieldsAreRequired() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> bodies.read(utf8("{\"fileName\":\"a.txt\",\"size\":1.5}"), AttachmentUploadRequest.class));

        assertEquals(List.of("size", "contentType"), fields(e));
    }

    @Test
    void listElementsAreNamedByTheirIndex() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> bodies.read(utf8("{\"title\":\"t\",\"tags\":[\"ok\",\" \"]}"), TodoRequest.class));

        assertEquals(List.of("tags[1]"), fields(e));
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() throws Exception {
        String emoji = "\uD83D\uDE00";
        assertEquals(emoji.repeat(200), bodies.read(utf8("{\"title\":\"" + emoji.repeat(200) + "\"}"), TodoRequest.class)
                .title());
        ValidationException e = assertThrows(ValidationException.class,
                () -> bodies.read(utf8("{\"title\":\"" + emoji.repeat(201) + "\"}"), TodoRequest.class));
        assertEquals(List.of(new FieldError("title", "must be at most 200 characters")), e.errors());
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedBeforeParsing() {
        WebApplicationException e = assertThrows(WebApplicationException.class,
                () -> bodies.read(utf8("{\"title\":\"" + "x".repeat(1000) + "\"}"), TodoRequest.class));
        assertEquals(413, e.getResponse().getStatus());
    }

    @Test
    void aCreateDefaultsTheStatusAndAReplacementMustNameIt() throws Exception {
        TodoRequest request = bodies.read(utf8("{\"title\":\"t\"}"), TodoRequest.class);

        assertEquals(TodoStatus.OPEN, request.fields(TodoStatus.OPEN).status());
        ValidationException e = assertThrows(ValidationException.class, () -> request.fields(null));
        assertEquals(List.of("status"), fields(e));
    }
}
