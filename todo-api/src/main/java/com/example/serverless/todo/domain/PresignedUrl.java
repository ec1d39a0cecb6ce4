package com.example.serverless.todo.domain;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** A URL that grants one HTTP method on one object until it expires; the headers must be sent as given. */
public record PresignedUrl(URI url, String method, Map<String, String> headers, Instant expiresAt) {

    public PresignedUrl {
        headers = Map.copyOf(headers);
    }
}
