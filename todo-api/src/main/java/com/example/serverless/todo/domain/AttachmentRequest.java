package com.example.serverless.todo.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What a caller wants to upload: validated so the presigned URL can only accept exactly that. */
public record AttachmentRequest(String fileName, String contentType, long size) {

    public static final Set<String> ALLOWED_CONTENT_TYPES = Set.of(
            "image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf", "text/plain");
    public static final long MAX_SIZE = 10L * 1024 * 1024;
    /** Letters, digits, dot, dash, underscore: safe in an S3 key and in a Content-Disposition header. */
    private static final Pattern SAFE_FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public AttachmentRequest {
        List<FieldError> errors = new ArrayList<>();
        if (fileName == null || !SAFE_FILE_NAME.matcher(fileName).matches() || fileName.startsWith(".")) {
            errors.add(new FieldError("fileName", "must be 1 to 100 of A-Z a-z 0-9 . _ - and not start with a dot"));
        }
        if (contentType == null || !ALLOWED_CONTENT_TYPES.contains(contentType)) {
            errors.add(new FieldError("contentType", "must be one of " + ALLOWED_CONTENT_TYPES.stream().sorted().toList()));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldError("size", "must be 1 to " + MAX_SIZE + " bytes"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
