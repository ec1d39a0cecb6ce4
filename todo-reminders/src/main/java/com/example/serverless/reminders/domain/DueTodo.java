package com.example.serverless.reminders.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A todo as the due-date index shows it: whose it is (the Cognito user id, {@code sub}), which one, when it is due, its
 * title and whether it is done. The title is optional here because the index may hold an item without one; such a
 * todo is skipped, not failed.
 */
public record DueTodo(String ownerId, String todoId, LocalDate dueDate, Optional<String> title, boolean done) {

    public DueTodo {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(todoId, "todoId");
        Objects.requireNonNull(dueDate, "dueDate");
        title = title == null ? Optional.empty() : title.filter(t -> !t.isBlank());
    }
}
