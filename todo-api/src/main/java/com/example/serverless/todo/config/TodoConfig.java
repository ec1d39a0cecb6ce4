package com.example.serverless.todo.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Everything the todo API reads from its environment (the SAM template sets the TODO_* variables). */
@ConfigMapping(prefix = "todo")
public interface TodoConfig {

    /** TODO_TABLE_NAME */
    String tableName();

    /** TODO_DAX_ENDPOINT: the DAX cluster's discovery endpoint when the template's EnableDax is on; absent otherwise. */
    Optional<String> daxEndpoint();

    /** TODO_ATTACHMENTS_BUCKET */
    String attachmentsBucket();

    /**
     * TODO_CURSOR_KEYS_SECRET: the Secrets Manager secret (ARN or name) whose AWSCURRENT version signs pagination
     * cursors and whose AWSPREVIOUS version still verifies them (see signing-keys).
     */
    String cursorKeysSecret();

    /** How long the cursor keys are cached: a rotation reaches warm functions within this time. */
    @WithDefault("PT5M")
    Duration cursorKeysMaxAge();

    /** How long a presigned attachment URL stays valid. */
    @WithDefault("PT15M")
    Duration attachmentUrlValidity();

    /** How long an Idempotency-Key is remembered. */
    @WithDefault("PT24H")
    Duration idempotencyWindow();

    /** At most this many items are read for one page of a filtered listing; past it the page ends early with a cursor. */
    @WithDefault("500")
    int maxItemsReadPerPage();

    /** Request bodies larger than this are refused with 413 before they are parsed. */
    @WithDefault("65536")
    int maxRequestBytes();
}
