package com.example.serverless.blogapi.domain;

/** A write to an existing post without If-Match: lost updates are refused, not risked. */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException() {
        super("Send If-Match with the post's ETag (from the response that created or last changed it)");
    }
}
