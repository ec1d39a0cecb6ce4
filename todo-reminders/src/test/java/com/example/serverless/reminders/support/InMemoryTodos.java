package com.example.serverless.reminders.support;

import com.example.serverless.reminders.domain.DuePage;
import com.example.serverless.reminders.domain.DueTodo;
import com.example.serverless.reminders.domain.DueTodos;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The due-date index in memory: todos by id, listed per date in todo id order, paged like a Query. */
public final class InMemoryTodos implements DueTodos {

    private final Map<String, DueTodo> todos = new HashMap<>();
    private final Map<LocalDate, Integer> unreadable = new HashMap<>();
    private int queries;

    public void put(DueTodo todo) {
        todos.put(todo.todoId(), todo);
    }

    public void putUnreadable(LocalDate date) {
        unreadable.merge(date, 1, Integer::sum);
    }

    public int queries() {
        return queries;
    }

    @Override
    public DuePage dueOn(LocalDate date, Optional<String> after, int pageSize) {
        queries++;
        List<DueTodo> due = todos.values().stream().filter(t -> t.dueDate().equals(date))
                .filter(t -> after.isEmpty() || t.todoId().compareTo(after.get()) > 0)
                .sorted(Comparator.comparing(DueTodo::todoId)).toList();
        List<DueTodo> page = new ArrayList<>(due.subList(0, Math.min(pageSize, due.size())));
        Optional<String> next = due.size() > pageSize ? Optional.of(page.getLast().todoId()) : Optional.empty();
        return new DuePage(page, after.isEmpty() ? unreadable.getOrDefault(date, 0) : 0, next);
    }
}
