package com.example.serverless.todo.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A partial change in JSON Merge Patch terms (RFC 7396): each field is kept, removed or set. Applying it
 * to the current fields yields new fields, validated like any other.
 */
public record TodoPatch(
        FieldChange<String> title,
        FieldChange<String> description,
        FieldChange<LocalDate> dueDate,
        FieldChange<List<String>> tags,
        FieldChange<TodoStatus> status) {

    public TodoFields applyTo(TodoFields current) {
        return new TodoFields(
                title.applyTo(current.title()),
                description.applyTo(current.description()),
                dueDate.applyTo(current.dueDate()),
                tags.applyTo(current.tags()),
                status.applyTo(current.status()));
    }

    /** What a merge patch does to one field. */
    public sealed interface FieldChange<T> {

        T applyTo(T current);

        static <T> FieldChange<T> keep() {
            return new Keep<>();
        }

        record Keep<T>() implements FieldChange<T> {
            @Override
            public T applyTo(T current) {
                return current;
            }
        }

        /** JSON {@code null}: the field is removed (and validation refuses that for required fields). */
        record Remove<T>() implements FieldChange<T> {
            @Override
            public T applyTo(T current) {
                return null;
            }
        }

        record Set<T>(T value) implements FieldChange<T> {
            @Override
            public T applyTo(T current) {
                return value;
            }
        }
    }
}
