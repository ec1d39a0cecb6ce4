package com.example.serverless.todo.api;

import com.example.serverless.todo.domain.BadCursorException;
import com.example.serverless.todo.domain.IdempotencyConflictException;
import com.example.serverless.todo.domain.PreconditionFailedException;
import com.example.serverless.todo.domain.PreconditionRequiredException;
import com.example.serverless.todo.domain.TodoNotFoundException;
import com.example.serverless.todo.domain.ValidationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/** The one place where failures become HTTP: always {@code application/problem+json}, never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String RETRY_AFTER_SECONDS = "1";

    @Inject
    LambdaRequestId requestId;

    @ServerExceptionMapper
    public RestResponse<Problem> validation(ValidationException e) {
        return respond(problem("validation", "The request has invalid fields", 400, "See errors for each field")
                .withErrors(e.errors()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> malformedJson(JsonProcessingException e) {
        return respond(problem("malformed-json", "The request body is not valid JSON", 400,
                "The body could not be parsed as JSON"));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> payloadTooLarge(PayloadTooLargeException e) {
        return respond(problem("payload-too-large", "The request body is too large", 413, e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unauthenticated(UnauthenticatedException e) {
        return respond(problem("unauthenticated", "No verified caller", 401, e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> notFound(TodoNotFoundException e) {
        return respond(problem("not-found", "No such todo", 404, "There is no todo with this id"));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> preconditionFailed(PreconditionFailedException e) {
        return respond(problem("precondition-failed", "The todo has changed", 412,
                "If-Match does not name the current version; fetch the todo again and retry"));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> preconditionRequired(PreconditionRequiredException e) {
        return respond(problem("precondition-required", "If-Match is required", 428, e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> idempotencyConflict(IdempotencyConflictException e) {
        return respond(problem("idempotency-conflict", "Idempotency-Key reused", 422, e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> badCursor(BadCursorException e) {
        return respond(problem("bad-cursor", "Invalid pagination cursor", 400, e.getMessage()));
    }

    /** What JAX-RS itself refuses: unknown route, wrong method, unsupported media type, unacceptable Accept. */
    @ServerExceptionMapper
    public RestResponse<Problem> protocol(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        return respond(problem(slugOf(status), Response.Status.fromStatusCode(status).getReasonPhrase(), status,
                e.getMessage()));
    }

    /**
     * DynamoDB throttled us after the SDK's own retries, or did not answer within the call timeout: the caller may
     * try again shortly (503 with Retry-After). Any other SDK failure is unexpected.
     */
    @ServerExceptionMapper
    public RestResponse<Problem> awsUnavailable(SdkException e) {
        boolean throttled = e instanceof AwsServiceException service && service.isThrottlingException();
        if (!throttled && !(e instanceof ApiCallTimeoutException) && !(e instanceof ApiCallAttemptTimeoutException)) {
            return unexpected(e);
        }
        LOG.warnf("Storage unavailable (%s): answering 503", e.getClass().getSimpleName());
        return problemResponse(problem("unavailable", "Service busy", 503,
                "Storage is throttling or slow; retry after the Retry-After seconds"))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public RestResponse<Problem> unexpected(Throwable e) {
        LOG.error("Unexpected failure", e);
        return respond(problem("internal", "Internal error", 500,
                "The request failed on our side; quote the instance when reporting it"));
    }

    private static String slugOf(int status) {
        return switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "bad-request";
        };
    }

    private Problem problem(String slug, String title, int status, String detail) {
        return Problem.of(slug, title, status, detail, requestId.value());
    }

    private static RestResponse<Problem> respond(Problem problem) {
        return problemResponse(problem).build();
    }

    private static RestResponse.ResponseBuilder<Problem> problemResponse(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.status()).entity(problem).type(Problem.MEDIA_TYPE);
    }
}
