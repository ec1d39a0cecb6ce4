package com.example.serverless.todo.domain;

import java.util.List;
import java.util.Optional;

/** One page of results and, when more may follow, the opaque cursor for the next page. */
public record Page<T>(List<T> items, Optional<String> next) {

    public Page {
        items = List.copyOf(items);
    }
}
