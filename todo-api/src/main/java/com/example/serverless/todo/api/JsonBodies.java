package com.example.serverless.todo.api;

import com.example.serverless.todo.config.TodoConfig;
import com.example.serverless.todo.domain.FieldError;
import com.example.serverless.todo.domain.ValidationException;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a request body into its record: the size is checked before a parser sees the bytes, then every field is
 * deserialised by Jackson into its component's type, then the record is validated with Bean Validation. Fields are
 * read one by one (not {@code treeToValue} at once, which stops at the first mistake) so that a client learns every
 * unknown field, every wrong type and every broken rule in one answer. Types are strict: {@code 123} is not a string,
 * {@code "5"} not a number.
 */
@ApplicationScoped
public class JsonBodies {

    private final ObjectMapper mapper;
    private final Validator validator;
    private final int maxBytes;

    @Inject
    public JsonBodies(ObjectMapper mapper, Validator validator, TodoConfig config) {
        this(mapper, validator, config.maxRequestBytes());
    }

    JsonBodies(ObjectMapper mapper, Validator validator, int maxBytes) {
        this.mapper = strict(mapper.copy());
        this.validator = validator;
        this.maxBytes = maxBytes;
    }

    /** A body that is a whole record (POST, PUT). */
    public <T extends Record> T read(byte[] body, Class<T> type) throws JsonProcessingException {
        return readPresent(body, type).value();
    }

    /** A body whose fields may be absent, null or set (a merge patch): the record and the names the body held. */
    public <T extends Record> Present<T> readPresent(byte[] body, Class<T> type) throws JsonProcessingException {
        ObjectNode object = object(tree(body));
        RecordComponent[] components = type.getRecordComponents();
        List<FieldError> errors = new ArrayList<>();
        Set<String> known = new HashSet<>();
        Arrays.stream(components).forEach(component -> known.add(component.getName()));
        Set<String> present = new LinkedHashSet<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (known.contains(name)) {
                present.add(name);
            } else {
                errors.add(new FieldError(name, "is not a known field"));
            }
        }
        Set<String> wrongType = new HashSet<>();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            JsonNode node = object.get(name);
            if (node == null || node.isNull()) {
                continue;
            }
            JavaType javaType = mapper.constructType(components[i].getGenericType());
            try {
                values[i] = mapper.readerFor(javaType).readValue(node);
            } catch (IOException | IllegalArgumentException e) {
                wrongType.add(name);
                errors.add(new FieldError(name, "must be " + describe(javaType)));
            }
        }
        T value = construct(type, components, values);
        validator.validate(value).stream()
                .map(JsonBodies::fieldError)
                .filter(error -> !wrongType.contains(rootField(error.field())))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .forEach(errors::add);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Present<>(value, Set.copyOf(present));
    }

    /** A record read from a body, and the names of the fields the body contained (with a value or null). */
    public record Present<T>(T value, Set<String> names) {
    }

    private JsonNode tree(byte[] body) throws JsonProcessingException {
        if (body != null && body.length > maxBytes) {
            // http-function's CommonProblemMappers answers it as the problem payload-too-large.
            throw new WebApplicationException("The request body is larger than " + maxBytes + " bytes",
                    Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ValidationException("body", "must be a JSON object");
        }
        return (ObjectNode) body;
    }

    private static <T extends Record> T construct(Class<T> type, RecordComponent[] components, Object[] values) {
        try {
            Constructor<T> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("A request record must accept any field values; Bean Validation checks them",
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot construct " + type.getName(), e);
        }
    }

    /** {@code tags[1].<list element>} is {@code tags[1]}: the field as the client sent it. */
    private static FieldError fieldError(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            boolean element = node.getName() == null || node.getName().startsWith("<");
            if (!element) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        return new FieldError(field.isEmpty() ? "body" : field.toString(), violation.getMessage());
    }

    private static String rootField(String field) {
        int end = field.indexOf('[');
        return end < 0 ? field : field.substring(0, end);
    }

    private static String describe(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw == String.class) {
            return "a string";
        }
        if (raw == Long.class || raw == Integer.class) {
            return "a whole number";
        }
        if (raw == LocalDate.class) {
            return "an ISO-8601 date such as 2026-12-31";
        }
        if (type.isCollectionLikeType()) {
            return "an array of " + describe(type.getContentType()).replaceFirst("^an? ", "") + "s";
        }
        return "a " + raw.getSimpleName();
    }

    /** No silent conversions: a number is not a string, a string or a fraction not a whole number or a date. */
    private static ObjectMapper strict(ObjectMapper mapper) {
        // readTree alone stops after the first value: "{...} trailing" must be refused, not half-read.
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.DateTime)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        // Lenient LocalDate parsing takes "2026-12-31T10:00" and drops the time; a due date is a date.
        mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        return mapper;
    }
}
