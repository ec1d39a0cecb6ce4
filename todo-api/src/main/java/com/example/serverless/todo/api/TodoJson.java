package com.example.serverless.todo.api;

import com.example.serverless.todo.domain.AttachmentRequest;
import com.example.serverless.todo.domain.FieldError;
import com.example.serverless.todo.domain.TodoPatch;
import com.example.serverless.todo.domain.TodoPatch.FieldChange;
import com.example.serverless.todo.domain.TodoStatus;
import com.example.serverless.todo.domain.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads request bodies, checking JSON types field by field so every mistake is reported at once, with its
 * field name. Unknown fields are refused: a typo such as {@code "titel"} must not be silently ignored.
 */
final class TodoJson {

    private static final Set<String> FIELDS = Set.of("title", "description", "dueDate", "tags", "status");
    private static final Set<String> ATTACHMENT_FIELDS = Set.of("fileName", "contentType", "size");

    private TodoJson() {
    }

    /** A todo body (POST, PUT, or a merge patch). */
    static TodoPatch read(JsonNode body) {
        ObjectNode object = object(body);
        List<FieldError> errors = unknownFields(object, FIELDS);
        TodoPatch patch = new TodoPatch(
                change(object, "title", errors, TodoJson::text),
                change(object, "description", errors, TodoJson::text),
                change(object, "dueDate", errors, TodoJson::date),
                change(object, "tags", errors, TodoJson::strings),
                change(object, "status", errors, TodoJson::status));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return patch;
    }

    /** The body of POST /todos/{id}/attachments; the domain then checks the values. */
    static AttachmentRequest readAttachment(JsonNode body) {
        ObjectNode object = object(body);
        List<FieldError> errors = unknownFields(object, ATTACHMENT_FIELDS);
        String fileName = required(object, "fileName", errors, TodoJson::text);
        String contentType = required(object, "contentType", errors, TodoJson::text);
        Long size = required(object, "size", errors, TodoJson::wholeNumber);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new AttachmentRequest(fileName, contentType, size);
    }

    private static ObjectNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ValidationException("body", "must be a JSON object");
        }
        return (ObjectNode) body;
    }

    private static List<FieldError> unknownFields(ObjectNode object, Set<String> known) {
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new FieldError(name, "is not a known field"));
            }
        }
        return errors;
    }

    private static <T> T required(ObjectNode object, String field, List<FieldError> errors,
            Function<JsonNode, T> reader) {
        FieldChange<T> change = change(object, field, errors, reader);
        if (change instanceof FieldChange.Set<T> set) {
            return set.value();
        }
        if (errors.stream().noneMatch(e -> e.field().equals(field))) {
            errors.add(new FieldError(field, "is required"));
        }
        return null;
    }

    private static <T> FieldChange<T> change(ObjectNode object, String field, List<FieldError> errors,
            Function<JsonNode, T> reader) {
        JsonNode node = object.get(field);
        if (node == null) {
            return FieldChange.keep();
        }
        if (node.isNull()) {
            return new FieldChange.Remove<>();
        }
        try {
            return new FieldChange.Set<>(reader.apply(node));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return FieldChange.keep();
        }
    }

    private static String text(JsonNode node) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("must be a string");
        }
        return node.textValue();
    }

    private static Long wholeNumber(JsonNode node) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new IllegalArgumentException("must be a whole number");
        }
        return node.longValue();
    }

    private static LocalDate date(JsonNode node) {
        try {
            return LocalDate.parse(text(node));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an ISO-8601 date such as 2026-12-31");
        }
    }

    private static List<String> strings(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw new IllegalArgumentException("must be an array of strings");
            }
            values.add(element.textValue());
        }
        return values;
    }

    private static TodoStatus status(JsonNode node) {
        return TodoStatus.fromWireName(text(node))
                .orElseThrow(() -> new IllegalArgumentException("must be \"open\" or \"done\""));
    }
}
