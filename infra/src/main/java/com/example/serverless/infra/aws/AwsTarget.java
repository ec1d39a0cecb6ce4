package com.example.serverless.infra.aws;

import com.example.serverless.infra.deploy.DeployTarget;
import com.example.serverless.infra.deploy.StackOutputs;
import com.example.serverless.infra.deploy.TargetClients;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * AWS itself, region and credentials from the SDK's default chains (AWS_PROFILE, AWS_REGION, SSO, ...). The
 * E2E suite does not deploy here: {@code sam deploy} does, and {@link #outputsOf} reads the stack it made.
 */
public final class AwsTarget implements DeployTarget {

    private final Region region = new DefaultAwsRegionProviderChain().getRegion();
    private final AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();

    @Override
    public String name() {
        return "AWS " + region.id();
    }

    @Override
    public Optional<URI> endpoint() {
        return Optional.empty();
    }

    @Override
    public Region region() {
        return region;
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    /** The Outputs of a stack that is already deployed and complete. */
    public StackOutputs outputsOf(String stackName) {
        try (CloudFormationClient cloudFormation = new TargetClients(this).cloudFormation()) {
            Stack stack = cloudFormation.describeStacks(b -> b.stackName(stackName)).stacks().getFirst();
            String status = stack.stackStatusAsString();
            if (!status.endsWith("_COMPLETE") || status.contains("ROLLBACK") || status.startsWith("DELETE")) {
                throw new IllegalStateException("Stack " + stackName + " in " + region.id() + " is " + status
                        + ": deploy it (sam deploy) before running the suite against it");
            }
            Map<String, String> values = stack.outputs().stream().collect(Collectors.toMap(Output::outputKey, Output::outputValue));
            return new StackOutputs(stack.stackName(), values);
        }
    }
}
