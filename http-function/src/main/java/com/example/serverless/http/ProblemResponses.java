package com.example.serverless.http;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.resteasy.reactive.RestResponse;

/** Builds problem responses ({@code application/problem+json}) that name the invocation's request id. */
@ApplicationScoped
public class ProblemResponses {

    private final LambdaRequestId requestId;

    public ProblemResponses(LambdaRequestId requestId) {
        this.requestId = requestId;
    }

    public Problem problem(String slug, String title, int status, String detail) {
        return Problem.of(slug, title, status, detail, requestId.value());
    }

    public RestResponse<Problem> respond(String slug, String title, int status, String detail) {
        return respond(problem(slug, title, status, detail));
    }

    public RestResponse<Problem> respond(Problem problem) {
        return builder(problem).build();
    }

    /** For a problem response that needs headers too (Retry-After, ETag). */
    public RestResponse.ResponseBuilder<Problem> builder(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.status()).entity(problem).type(Problem.MEDIA_TYPE);
    }
}
