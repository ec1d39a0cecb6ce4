package com.example.serverless.todo.api;

import com.example.serverless.todo.domain.TodoStatus;
import com.example.serverless.todo.domain.ValidationException;

/** A todo status on the wire ({@code open}, {@code done}): in bodies and in the {@code status} query parameter. */
final class TodoStatusNames {

    static final String PATTERN = "open|done";
    static final String MESSAGE = "must be \"open\" or \"done\"";

    private TodoStatusNames() {
    }

    static TodoStatus parse(String name) {
        return TodoStatus.fromWireName(name).orElseThrow(() -> new ValidationException("status", MESSAGE));
    }
}
