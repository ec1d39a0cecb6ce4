package com.example.serverless.todo.domain;

import java.util.List;

/** The request is well-formed JSON but breaks the rules of its fields; all broken rules are listed. */
public final class ValidationException extends TodoFailure {

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("Invalid fields: " + errors.stream().map(FieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
