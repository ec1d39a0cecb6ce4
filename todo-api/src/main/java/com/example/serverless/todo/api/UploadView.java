package com.example.serverless.todo.api;

import com.example.serverless.todo.domain.Attachment;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** Where and how to upload an attachment: send exactly these headers with the PUT. */
public record UploadView(Attachment attachment, URI uploadUrl, String method, Map<String, String> headers,
        Instant expiresAt) {
}
