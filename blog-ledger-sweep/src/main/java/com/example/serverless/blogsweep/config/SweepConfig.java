package com.example.serverless.blogsweep.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** BLOG_SWEEP_LEDGER_TABLE, and how old an unfinished claim must be to count as stuck. */
@ConfigMapping(prefix = "blog-sweep")
public interface SweepConfig {

    String ledgerTable();

    /** Far beyond the sender's 120 s timeout: a claim this old will never be finished by its invocation. */
    @WithDefault("PT15M")
    Duration stuckAfter();

    /** WARN lines per run at most; the count (metric and summary line) is always complete. */
    @WithDefault("100")
    int maxLogged();
}
