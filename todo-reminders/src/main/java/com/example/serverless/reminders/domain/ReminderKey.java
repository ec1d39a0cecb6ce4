package com.example.serverless.reminders.domain;

import java.time.LocalDate;
import java.util.Objects;

/** What one reminder is for: a todo and the due date it is reminded of. A new due date is a new reminder. */
public record ReminderKey(String todoId, LocalDate dueDate) {

    public ReminderKey {
        Objects.requireNonNull(todoId, "todoId");
        Objects.requireNonNull(dueDate, "dueDate");
    }
}
