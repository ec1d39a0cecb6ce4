package com.example.serverless.todo.api;

import com.example.serverless.http.Problem;
import com.example.serverless.http.ProblemResponses;
import com.example.serverless.todo.domain.BadCursorException;
import com.example.serverless.todo.domain.IdempotencyConflictException;
import com.example.serverless.todo.domain.IdempotencyInProgressException;
import com.example.serverless.todo.domain.PreconditionFailedException;
import com.example.serverless.todo.domain.PreconditionRequiredException;
import com.example.serverless.todo.domain.TodoFailure;
import com.example.serverless.todo.domain.TodoNotFoundException;
import com.example.serverless.todo.domain.TooManyAttachmentsException;
import com.example.serverless.todo.domain.ValidationException;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The todo domain's failures as problems ({@code application/problem+json}); what every HTTP function shares
 * (malformed JSON, 413, 415, no caller, protocol errors, AWS unavailable, the unexpected) is http-function's
 * {@code CommonProblemMappers}.
 */
public class ProblemMappers {

    private final ProblemResponses problems;

    public ProblemMappers(ProblemResponses problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> todoFailure(TodoFailure failure) {
        return switch (failure) {
            case ValidationException e -> problems.respond(problems.problem("validation", "The request has invalid fields",
                    400, "See errors for each field").withErrors(e.errors().stream()
                    .map(error -> new Problem.FieldError(error.field(), error.message())).toList()));
            case TodoNotFoundException e -> problems.respond("not-found", "No such todo", 404, "There is no todo with this id");
            case PreconditionFailedException e -> problems.respond("precondition-failed", "The todo has changed", 412,
                    "If-Match does not name the current version; fetch the todo again and retry");
            case PreconditionRequiredException e -> problems.respond("precondition-required", "If-Match is required", 428,
                    e.getMessage());
            case IdempotencyConflictException e -> problems.respond("idempotency-conflict", "Idempotency-Key reused", 422,
                    e.getMessage());
            // The concurrent twin of a create is still running: retry shortly to get its outcome (RFC draft "idempotency-key").
            case IdempotencyInProgressException e -> problems.builder(problems.problem("idempotency-in-progress",
                    "A request with this key is in progress", 409, e.getMessage()))
                    .header(HttpHeaders.RETRY_AFTER, "1").build();
            case TooManyAttachmentsException e -> problems.respond("too-many-attachments",
                    "The todo has all the attachments it may have", 409, e.getMessage());
            case BadCursorException e -> problems.respond("bad-cursor", "Invalid pagination cursor", 400, e.getMessage());
        };
    }
}
