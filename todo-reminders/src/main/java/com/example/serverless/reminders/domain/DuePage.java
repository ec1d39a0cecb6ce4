package com.example.serverless.reminders.domain;

import java.util.List;
import java.util.Optional;

/**
 * One bounded page of the todos due on a date. {@code unreadable} counts index items the store could not map (no
 * todo id, no owner): they are skipped and counted, never failing the page. {@code nextAfter} continues the Query.
 */
public record DuePage(List<DueTodo> todos, int unreadable, Optional<String> nextAfter) {

    public DuePage {
        todos = List.copyOf(todos);
        nextAfter = nextAfter == null ? Optional.empty() : nextAfter;
        if (unreadable < 0) {
            throw new IllegalArgumentException("unreadable must not be negative");
        }
    }
}
