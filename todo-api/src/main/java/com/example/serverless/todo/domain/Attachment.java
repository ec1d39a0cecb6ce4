package com.example.serverless.todo.domain;

import java.util.Objects;

/** A file attached to a todo; {@code key} is its S3 object key under the owner's prefix. */
public record Attachment(String id, String key, String fileName, String contentType, long size) {

    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
    }
}
