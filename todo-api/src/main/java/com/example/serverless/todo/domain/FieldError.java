package com.example.serverless.todo.domain;

/** One reason a request field was refused, named by its JSON field path. */
public record FieldError(String field, String message) {
}
