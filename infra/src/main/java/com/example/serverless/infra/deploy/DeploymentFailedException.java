package com.example.serverless.infra.deploy;

import java.util.List;

/** The stack did not reach a complete state; carries each failed resource with the reason CloudFormation gave. */
public final class DeploymentFailedException extends RuntimeException {

    public record FailedResource(String logicalId, String type, String status, String reason) {
        @Override
        public String toString() {
            return logicalId + " (" + type + ") " + status + ": " + reason;
        }
    }

    private final List<FailedResource> failedResources;

    public DeploymentFailedException(String message, List<FailedResource> failedResources) {
        super(failedResources.isEmpty() ? message
                : message + "\n  " + String.join("\n  ", failedResources.stream().map(FailedResource::toString).toList()));
        this.failedResources = List.copyOf(failedResources);
    }

    public List<FailedResource> failedResources() {
        return failedResources;
    }
}
