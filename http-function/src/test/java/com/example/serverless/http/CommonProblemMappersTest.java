package com.example.serverless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * What the local cloud cannot produce: DynamoDB throttling and a call that outlives its timeout. The SDK's own
 * exceptions, built as the SDK builds them, go through the real mapper (the rest is covered by the ITs).
 */
class CommonProblemMappersTest {

    private final CommonProblemMappers mappers = new CommonProblemMappers(new ProblemResponses(new LambdaRequestId()));

    @Test
    void throttlingAfterTheSdksRetriesIs503WithRetryAfter() {
        ProvisionedThroughputExceededException throttled = ProvisionedThroughputExceededException.builder()
                .statusCode(400).message("Rate of requests exceeds the allowed throughput")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build())
                .build();

        RestResponse<Problem> response = mappers.awsUnavailable(throttled);

        assertEquals(503, response.getStatus());
        assertEquals("1", response.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals("https://serverless-reference.example.com/problems/unavailable", response.getEntity().type().toString());
    }

    @Test
    void aCallPastItsTimeoutIs503() {
        ApiCallTimeoutException slow = ApiCallTimeoutException.create(Duration.ofSeconds(5).toMillis());

        assertEquals(503, mappers.awsUnavailable(slow).getStatus());
    }

    @Test
    void anyOtherSdkFailureIsAPlain500() {
        DynamoDbException validation = (DynamoDbException) DynamoDbException.builder().statusCode(400)
                .message("One or more parameter values were invalid")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build()).build();

        assertEquals(500, mappers.awsUnavailable(validation).getStatus());
        assertEquals(500, mappers.awsUnavailable(SdkClientException.create("connection reset")).getStatus());
        assertEquals(null, mappers.awsUnavailable(validation).getHeaderString("Retry-After"));
    }
}
