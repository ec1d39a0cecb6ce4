package com.example.serverless.todo.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What an owner may set on a todo, valid by construction: every rule broken is reported at once, by
 * field, as a {@link ValidationException}.
 */
public record TodoFields(String title, String description, LocalDate dueDate, List<String> tags, TodoStatus status) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_TAGS = 10;
    public static final int MAX_TAG = 50;

    public TodoFields {
        tags = tags == null ? List.of() : List.copyOf(new LinkedHashSet<>(tags));
        List<FieldError> errors = new ArrayList<>();
        if (title == null || title.isBlank()) {
            errors.add(new FieldError("title", "is required"));
        } else if (length(title) > MAX_TITLE) {
            errors.add(new FieldError("title", "must be at most " + MAX_TITLE + " characters"));
        }
        if (description != null && length(description) > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        if (tags.size() > MAX_TAGS) {
            errors.add(new FieldError("tags", "must have at most " + MAX_TAGS + " entries"));
        }
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (tag == null || tag.isBlank() || length(tag) > MAX_TAG) {
                errors.add(new FieldError("tags[" + i + "]", "must be 1 to " + MAX_TAG + " characters"));
            }
        }
        if (status == null) {
            errors.add(new FieldError("status", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Counts characters as people do (code points), so an emoji is one, not two. */
    private static int length(String value) {
        return value.codePointCount(0, value.length());
    }
}
