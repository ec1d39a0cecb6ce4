package com.example.serverless.http;

import com.fasterxml.jackson.core.JsonProcessingException;
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

/**
 * The failures every HTTP function has, as problems: unparsable JSON, no verified caller, what JAX-RS refuses
 * (route, method, media type), AWS throttling or slowness (503 with Retry-After), and anything unexpected (a 500 with
 * no internals; the log line with the same request id has the stack trace). Each function maps its own domain's
 * exceptions beside these.
 */
public class CommonProblemMappers {

    private static final Logger LOG = Logger.getLogger(CommonProblemMappers.class);
    static final String RETRY_AFTER_SECONDS = "1";

    private final ProblemResponses problems;

    public CommonProblemMappers(ProblemResponses problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> malformedJson(JsonProcessingException e) {
        return problems.respond("malformed-json", "The request body is not valid JSON", 400,
                "The body could not be parsed as JSON");
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unauthenticated(UnauthenticatedException e) {
        return problems.respond("unauthenticated", "No verified caller", 401, e.getMessage());
    }

    /** What JAX-RS itself refuses: unknown route, wrong method, unsupported media type, unacceptable Accept. */
    @ServerExceptionMapper
    public RestResponse<Problem> protocol(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (e.getCause() instanceof JsonProcessingException unparsable) {
            // Quarkus REST reports a body it could not parse as a 400 WebApplicationException around Jackson's error.
            return malformedJson(unparsable);
        }
        return problems.respond(slugOf(status), Response.Status.fromStatusCode(status).getReasonPhrase(), status,
                e.getMessage());
    }

    /**
     * An AWS service throttled us after the SDK's own retries, or did not answer within the call timeout: the caller
     * may try again shortly (503 with Retry-After). Any other SDK failure is unexpected.
     */
    @ServerExceptionMapper
    public RestResponse<Problem> awsUnavailable(SdkException e) {
        boolean throttled = e instanceof AwsServiceException service && service.isThrottlingException();
        if (!throttled && !(e instanceof ApiCallTimeoutException) && !(e instanceof ApiCallAttemptTimeoutException)) {
            return unexpected(e);
        }
        LOG.warnf("AWS unavailable (%s): answering 503", e.getClass().getSimpleName());
        return problems.builder(problems.problem("unavailable", "Service busy", 503,
                        "Storage is throttling or slow; retry after the Retry-After seconds"))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public RestResponse<Problem> unexpected(Throwable e) {
        LOG.error("Unexpected failure", e);
        return problems.respond("internal", "Internal error", 500,
                "The request failed on our side; quote the instance when reporting it");
    }

    private static String slugOf(int status) {
        return switch (status) {
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "bad-request";
        };
    }
}
