package com.example.serverless.blogapi.api;

import com.example.serverless.blog.subscriptions.InvalidLinkException;
import com.example.serverless.blogapi.domain.BadCursorException;
import com.example.serverless.blogapi.domain.LinkUsedException;
import com.example.serverless.blogapi.domain.PostConflictException;
import com.example.serverless.blogapi.domain.PostNotFoundException;
import com.example.serverless.blogapi.domain.PreconditionFailedException;
import com.example.serverless.blogapi.domain.PreconditionRequiredException;
import com.example.serverless.http.Problem;
import com.example.serverless.http.ProblemResponses;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * blog-api's failures as problems ({@code application/problem+json}); what every HTTP function shares is in
 * http-function. Field errors name the JSON path of the field ({@code tags[0]}), all broken rules at once.
 */
public class BlogApiProblemMappers {

    private final ProblemResponses problems;

    public BlogApiProblemMappers(ProblemResponses problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidFields(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(field(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return validation(errors);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unknownField(UnrecognizedPropertyException e) {
        return validation(List.of(new Problem.FieldError(path(e), "is not a known field")));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> wrongType(MismatchedInputException e) {
        return validation(List.of(new Problem.FieldError(path(e), "has the wrong type")));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidParameter(InvalidParameterException e) {
        return validation(List.of(new Problem.FieldError(e.parameter(), e.getMessage())));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> notFound(PostNotFoundException e) {
        return problems.respond("not-found", "No such post", 404, e.getMessage());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> conflict(PostConflictException e) {
        return problems.respond("conflict", "The post cannot be changed that way", 409, e.getMessage());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> preconditionFailed(PreconditionFailedException e) {
        return problems.respond("precondition-failed", "The post has changed", 412,
                e.getMessage() + "; fetch it again and retry");
    }

    @ServerExceptionMapper
    public RestResponse<Problem> preconditionRequired(PreconditionRequiredException e) {
        return problems.respond("precondition-required", "If-Match is required", 428, e.getMessage());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> badCursor(BadCursorException e) {
        return problems.respond("bad-cursor", "Invalid pagination cursor", 400, e.getMessage());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidLink(InvalidLinkException e) {
        return e.expired()
                ? problems.respond("link-expired", "The link has expired", 410, e.getMessage() + "; ask for a new one")
                : problems.respond("invalid-link", "Not a link this blog sent", 400, e.getMessage());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> linkUsed(LinkUsedException e) {
        return problems.respond("link-used", "The link was used already", 409, e.getMessage());
    }

    private RestResponse<Problem> validation(List<Problem.FieldError> errors) {
        return problems.respond(problems.problem("validation", "The request has invalid fields", 400,
                "See errors for each field").withErrors(errors));
    }

    /** {@code subscribe.body.tags[0].<list element>} becomes {@code tags[0]}: the field as the client sent it. */
    private static String field(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            if (depth++ < 2 || node.getName() == null || node.getName().startsWith("<")) {
                if (node.getIndex() != null && !names.isEmpty()) {
                    names.set(names.size() - 1, names.getLast() + "[" + node.getIndex() + "]");
                }
                continue;
            }
            names.add(node.getIndex() == null ? node.getName() : node.getName() + "[" + node.getIndex() + "]");
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }
}
