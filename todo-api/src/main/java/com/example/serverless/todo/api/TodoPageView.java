package com.example.serverless.todo.api;

import java.util.List;

/** One page of todos; {@code next} is the cursor for the following page, or null on the last one. */
public record TodoPageView(List<TodoView> items, String next) {
}
