package com.example.serverless.todo.domain;

import java.util.Locale;
import java.util.Optional;

public enum TodoStatus {
    OPEN,
    DONE;

    /** The wire form: {@code open} or {@code done}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TodoStatus> fromWireName(String value) {
        for (TodoStatus status : values()) {
            if (status.wireName().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
