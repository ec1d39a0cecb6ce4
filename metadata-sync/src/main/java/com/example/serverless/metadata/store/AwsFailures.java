package com.example.serverless.metadata.store;

import com.example.serverless.metadata.domain.TransientFailureException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Sorts SDK failures (after the SDK's own retries) into the transient ones, which SQS will redeliver, and the
 * rest (access denied, missing table, validation), which are configuration errors and stay what they are.
 * Both fail only the message at hand.
 */
final class AwsFailures {

    private AwsFailures() {
    }

    static RuntimeException classify(SdkException failure, String operation) {
        boolean transientFailure = switch (failure) {
            case AwsServiceException service -> service.isThrottlingException() || service.statusCode() >= 500;
            case SdkClientException client -> true; // I/O errors and timeouts on the way to the service
            default -> false;
        };
        return transientFailure ? new TransientFailureException(operation + " failed: " + failure.getMessage(), failure)
                : failure;
    }
}
