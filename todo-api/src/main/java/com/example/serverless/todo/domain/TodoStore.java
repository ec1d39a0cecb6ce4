package com.example.serverless.todo.domain;

import java.time.Instant;
import java.util.Optional;

/** Where todos live. Every read is consistent; every write is conditional, so no update is ever lost. */
public interface TodoStore {

    void insert(Todo todo);

    /**
     * Inserts the todo together with an idempotency record for the key, atomically; when the key was already
     * used (and has not expired), inserts nothing and returns what the first request recorded.
     */
    Optional<IdempotentCreate> insertOnce(Todo todo, IdempotencyKey key, String requestHash, Instant expiresAt);

    Optional<Todo> find(String ownerId, String todoId);

    /**
     * Up to {@code limit} of the owner's todos in creation order, those after {@code afterTodoId} when given.
     * {@code lastKey} of the result is present when more may follow.
     */
    StoredPage list(String ownerId, Optional<TodoStatus> status, int limit, Optional<String> afterTodoId);

    /** Writes {@code next} only if the stored version is still {@code next.version() - 1}. */
    void replaceIfVersion(Todo next) throws StaleVersionException;

    void delete(String ownerId, String todoId);

    /** What an earlier create with the same idempotency key recorded. */
    /** The create an Idempotency-Key was first used for: its request's hash and the todo as that create made it. */
    record IdempotentCreate(Todo created, String requestHash) {
    }

    record StoredPage(java.util.List<Todo> items, Optional<String> lastTodoId) {
    }

    /** The conditional write lost: the todo changed (or vanished) since it was read. */
    class StaleVersionException extends Exception {
        public StaleVersionException(String todoId) {
            super("Todo " + todoId + " changed since it was read");
        }
    }
}
