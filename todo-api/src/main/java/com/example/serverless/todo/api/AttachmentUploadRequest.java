package com.example.serverless.todo.api;

import com.example.serverless.todo.domain.AttachmentRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /todos/{id}/attachments}: the presigned URL accepts exactly this type and size. */
@Schema(name = "AttachmentUploadRequest")
public record AttachmentUploadRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}",
                message = "must be 1 to 100 of A-Z a-z 0-9 . _ - and not start with a dot")
        @Schema(examples = "receipt.pdf")
        String fileName,
        @NotNull @Pattern(regexp = CONTENT_TYPES, message = "must be one of " + CONTENT_TYPES)
        @Schema(enumeration = {"image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf", "text/plain"})
        String contentType,
        @NotNull @Min(1) @Max(AttachmentRequest.MAX_SIZE) @Schema(description = "bytes")
        Long size) {

    /** The same list as {@link AttachmentRequest#ALLOWED_CONTENT_TYPES}, which the domain enforces again. */
    static final String CONTENT_TYPES = "image/jpeg|image/png|image/gif|image/webp|application/pdf|text/plain";

    AttachmentRequest request() {
        return new AttachmentRequest(fileName, contentType, size);
    }
}
