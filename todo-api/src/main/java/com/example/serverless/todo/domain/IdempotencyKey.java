package com.example.serverless.todo.domain;

import java.util.regex.Pattern;

/** A client's Idempotency-Key header: 1 to 64 visible ASCII characters. */
public record IdempotencyKey(String value) {

    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,64}");

    public IdempotencyKey {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new ValidationException("Idempotency-Key", "must be 1 to 64 visible ASCII characters");
        }
    }
}
