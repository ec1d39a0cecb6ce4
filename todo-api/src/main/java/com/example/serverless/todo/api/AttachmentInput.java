package com.example.serverless.todo.api;

/** The body of POST /todos/{id}/attachments. */
public record AttachmentInput(String fileName, String contentType, long size) {
}
