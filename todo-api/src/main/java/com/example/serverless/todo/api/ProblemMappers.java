package com.example.serverless.todo.api;

import com.example.serverless.http.Problem;
import com.example.serverless.http.ProblemResponses;
import com.example.serverless.todo.domain.BadCursorException;
import com.example.serverless.todo.domain.IdempotencyConflictException;
import com.example.serverless.todo.domain.IdempotencyInProgressException;
import com.example.serverless.todo.domain.PreconditionFailedException;
import com.example.serverless.todo.domain.PreconditionRequiredException;
import com.example.serverless.todo.domain.TodoNotFoundException;
import com.example.serverless.todo.domain.TooManyAttachmentsException;
import com.example.serverless.todo.domain.ValidationException;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The todo domain's failures as problems ({@code application/problem+json}); what every HTTP function shares
 * (malformed JSON, no caller, protocol errors, AWS unavailable, the unexpected) is in http-function.
 */
public class ProblemMappers {

    private final ProblemResponses problems;

    public ProblemMappers(ProblemResponses problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> validation(ValidationException e) {
        return problems.respond(problems.problem("validation", "The request has invalid fields", 400, "See errors for each field")
                .withErrors(e.errors().stream().map(error -> new Problem.FieldError(error.field(), error.message())).toList()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> payloadTooLarge(PayloadTooLargeException e) {
        return problems.respond("payload-too-large", "The request body is too large", 413, e.getMessage());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> notFound(TodoNotFoundException e) {
        return problems.respond("not-found", "No such todo", 404, "There is no todo with this id");
    }

    @ServerExceptionMapper
    public RestResponse<Problem> preconditionFailed(PreconditionFailedException e) {
        return problems.respond("precondition-failed", "The todo has changed", 412,
                "If-Match does not name the current version; fetch the todo again and retry");
    }

    @ServerExceptionMapper
    public RestResponse<Problem> preconditionRequired(PreconditionRequiredException e) {
        return problems.respond("precondition-required", "If-Match is required", 428, e.getMessage());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> idempotencyConflict(IdempotencyConflictException e) {
        return problems.respond("idempotency-conflict", "Idempotency-Key reused", 422, e.getMessage());
    }

    /** The concurrent twin of a create is still running: retry shortly to get its outcome (RFC draft "idempotency-key"). */
    @ServerExceptionMapper
    public RestResponse<Problem> idempotencyInProgress(IdempotencyInProgressException e) {
        return problems.builder(problems.problem("idempotency-in-progress", "A request with this key is in progress", 409,
                e.getMessage())).header(HttpHeaders.RETRY_AFTER, "1").build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> tooManyAttachments(TooManyAttachmentsException e) {
        return problems.respond("too-many-attachments", "The todo has all the attachments it may have", 409, e.getMessage());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> badCursor(BadCursorException e) {
        return problems.respond("bad-cursor", "Invalid pagination cursor", 400, e.getMessage());
    }
}
