package com.example.serverless.http;

import com.amazonaws.services.lambda.runtime.Context;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** The id Lambda gave this invocation: in every log line and in every problem's {@code instance}. */
@RequestScoped
public class LambdaRequestId {

    @Inject
    Instance<Context> lambdaContext;

    /** Null outside a Lambda invocation (the producer has no context to give). */
    public String value() {
        try {
            Context context = lambdaContext.get();
            return context == null ? null : context.getAwsRequestId();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
