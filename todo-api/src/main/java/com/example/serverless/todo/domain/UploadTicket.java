package com.example.serverless.todo.domain;

/** The attachment now recorded on the todo, and where to upload its bytes. */
public record UploadTicket(Todo todo, Attachment attachment, PresignedUrl upload) {
}
