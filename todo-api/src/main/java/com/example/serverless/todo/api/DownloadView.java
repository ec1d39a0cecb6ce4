package com.example.serverless.todo.api;

import java.net.URI;
import java.time.Instant;

public record DownloadView(URI downloadUrl, Instant expiresAt) {
}
