package com.example.serverless.todo.domain;

/** No such todo for this caller: also what another user's todo looks like, so existence never leaks. */
public final class TodoNotFoundException extends TodoFailure {

    public TodoNotFoundException(String todoId) {
        super("No todo " + todoId);
    }
}
