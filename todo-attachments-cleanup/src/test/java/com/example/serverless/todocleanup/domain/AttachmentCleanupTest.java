package com.example.serverless.todocleanup.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttachmentCleanupTest {

    private final List<String> deleted = new ArrayList<>();
    private final AttachmentCleanup cleanup = new AttachmentCleanup(deleted::add);

    @Test
    void everyAttachmentOfTheTodoIsDeleted() {
        CleanupResult result = cleanup.cleanUp(new RemovedTodo("owner", "todo-1",
                List.of("users/owner/todos/todo-1/a1/receipt.pdf", "users/owner/todos/todo-1/a2/photo.jpg")));

        assertEquals(new CleanupResult(2, 0), result);
        assertEquals(List.of("users/owner/todos/todo-1/a1/receipt.pdf", "users/owner/todos/todo-1/a2/photo.jpg"), deleted);
    }

    @Test
    void keysOutsideTheTodosOwnPrefixAreLeftAlone() {
        CleanupResult result = cleanup.cleanUp(new RemovedTodo("owner", "todo-1", List.of(
                "users/someone-else/todos/todo-1/a1/x.txt",
                "users/owner/todos/todo-10/a1/x.txt",
                "users/owner/todos/todo-1/../todo-2/a1/x.txt")));

        assertEquals(new CleanupResult(0, 3), result);
        assertEquals(List.of(), deleted);
    }

    @Test
    void aTodoWithoutAttachmentsDeletesNothing() {
        assertEquals(new CleanupResult(0, 0), cleanup.cleanUp(new RemovedTodo("owner", "todo-1", List.of())));
    }

    @Test
    void aRemovedTodoNamesItsOwnerAndId() {
        assertThrows(IllegalArgumentException.class, () -> new RemovedTodo(" ", "todo-1", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new RemovedTodo("owner", null, List.of()));
    }
}
