package com.example.serverless.blogapi.api;

/** A tag names a topic: what subscribers choose and posts carry. */
final class Tags {

    static final String PATTERN = "[a-z0-9][a-z0-9-]{0,29}";
    static final String MESSAGE = "must be 1 to 30 lower-case letters, digits or '-'";

    private Tags() {
    }
}
