package com.example.serverless.thumbnail.handler;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What one invocation did, record by record counted. S3 ignores it (asynchronous invocation); tests read it. */
@RegisterForReflection
public record InvocationSummary(int thumbnailed, int rejected, int missing, int removed, int ignored) {

    static final InvocationSummary NONE = new InvocationSummary(0, 0, 0, 0, 0);
}
