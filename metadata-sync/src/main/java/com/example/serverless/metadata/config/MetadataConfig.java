package com.example.serverless.metadata.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Everything metadata-sync reads from its environment (the SAM template sets METADATA_TABLE_NAME). */
@ConfigMapping(prefix = "metadata")
public interface MetadataConfig {

    /** METADATA_TABLE_NAME */
    String tableName();

    /**
     * How long a tombstone stays before DynamoDB's TTL removes it: longer than a message can wait in the queue
     * and its DLQ (14 days at most), so a late create still finds it. Correctness does not depend on it: a late
     * create of a deleted object reads S3, finds nothing and writes a new tombstone.
     */
    @WithDefault("P30D")
    Duration tombstoneRetention();
}
