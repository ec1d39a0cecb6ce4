package com.example.serverless.todo.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A stored todo: the owner's fields plus what the service keeps (id, owner, version, timestamps). */
public record Todo(
        String id,
        String ownerId,
        TodoFields fields,
        long version,
        Instant createdAt,
        Instant updatedAt,
        List<Attachment> attachments) {

    public Todo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        attachments = List.copyOf(attachments);
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    public static Todo created(String id, String ownerId, TodoFields fields, Instant now) {
        return new Todo(id, ownerId, fields, 1, now, now, List.of());
    }

    /** The next version of this todo with new fields. */
    public Todo withFields(TodoFields newFields, Instant now) {
        return new Todo(id, ownerId, newFields, version + 1, createdAt, now, attachments);
    }

    /** A todo's item holds its attachments: bounded, so it stays far below DynamoDB's 400 KB item limit. */
    public static final int MAX_ATTACHMENTS = 20;

    /** @throws TooManyAttachmentsException at {@link #MAX_ATTACHMENTS} already */
    public Todo withAttachment(Attachment attachment, Instant now) {
        if (attachments.size() >= MAX_ATTACHMENTS) {
            throw new TooManyAttachmentsException(MAX_ATTACHMENTS);
        }
        List<Attachment> more = new java.util.ArrayList<>(attachments);
        more.add(attachment);
        return new Todo(id, ownerId, fields, version + 1, createdAt, now, more);
    }

    public Optional<Attachment> attachment(String attachmentId) {
        return attachments.stream().filter(a -> a.id().equals(attachmentId)).findFirst();
    }

    public String title() {
        return fields.title();
    }

    public Optional<String> description() {
        return Optional.ofNullable(fields.description());
    }

    public Optional<LocalDate> dueDate() {
        return Optional.ofNullable(fields.dueDate());
    }

    public List<String> tags() {
        return fields.tags();
    }

    public TodoStatus status() {
        return fields.status();
    }
}
