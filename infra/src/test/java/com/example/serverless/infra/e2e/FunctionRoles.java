package com.example.serverless.infra.e2e;

import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** A deployed function's name and execution role, a session of that role to act as the function does; resources by logical id. */
record FunctionRoles(E2eStack.Stack stack) {

    /** The physical name of a function of the stack, by its logical id in template.yaml. */
    String functionName(String logicalId) {
        return physicalId(logicalId);
    }

    /** The physical id of any resource of the stack (an alarm's name, a queue's URL), by its logical id. */
    String physicalId(String logicalId) {
        try (CloudFormationClient cloudFormation = stack.clients().cloudFormation()) {
            return cloudFormation.describeStackResource(b -> b.stackName(stack.outputs().stackName()).logicalResourceId(logicalId))
                    .stackResourceDetail().physicalResourceId();
        }
    }

    String roleArn(String logicalId) {
        try (LambdaClient lambda = stack.clients().lambda()) {
            return lambda.getFunctionConfiguration(b -> b.functionName(functionName(logicalId))).role();
        }
    }

    /**
     * A session of the function's execution role. On the local target only: the role trusts lambda.amazonaws.com
     * alone, and MiniStack 1.5.33 lets the account root assume any role whose trust policy names a service
     * (MiniStackFidelityIT records it); on AWS that AssumeRole is refused, and the IAM policy simulator answers instead.
     */
    AwsCredentialsProvider session(String logicalId) {
        try (StsClient sts = stack.clients().configure(StsClient.builder())) {
            Credentials credentials = sts.assumeRole(b -> b.roleArn(roleArn(logicalId))
                    .roleSessionName("e2e-" + UUID.randomUUID().toString().substring(0, 8))).credentials();
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(credentials.accessKeyId(),
                    credentials.secretAccessKey(), credentials.sessionToken()));
        }
    }
}
