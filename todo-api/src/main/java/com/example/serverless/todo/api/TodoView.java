package com.example.serverless.todo.api;

import com.example.serverless.todo.domain.Attachment;
import com.example.serverless.todo.domain.Todo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A todo as the API shows it: never the owner id. */
public record TodoView(
        String id,
        String title,
        String description,
        LocalDate dueDate,
        List<String> tags,
        String status,
        long version,
        Instant createdAt,
        Instant updatedAt,
        List<Attachment> attachments) {

    static TodoView of(Todo todo) {
        return new TodoView(todo.id(), todo.title(), todo.description().orElse(null), todo.dueDate().orElse(null),
                todo.tags(), todo.status().wireName(), todo.version(), todo.createdAt(), todo.updatedAt(),
                todo.attachments());
    }
}
