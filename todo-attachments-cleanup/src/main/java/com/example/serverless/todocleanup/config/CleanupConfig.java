package com.example.serverless.todocleanup.config;

import io.smallrye.config.ConfigMapping;

/** Everything the cleanup reads from its environment (the SAM template sets TODO_ATTACHMENTS_BUCKET). */
@ConfigMapping(prefix = "todo-cleanup")
public interface CleanupConfig {

    /** TODO_ATTACHMENTS_BUCKET: the todo API's attachments bucket. */
    String attachmentsBucket();
}
