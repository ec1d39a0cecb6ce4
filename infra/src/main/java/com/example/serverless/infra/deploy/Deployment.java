package com.example.serverless.infra.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** What to deploy: the template, its parameter values, the bucket the code goes to, and how long to wait. */
public record Deployment(String stackName, Path template, Map<String, String> parameters, String deploymentBucket,
                         Duration timeout) {

    public Deployment {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(deploymentBucket, "deploymentBucket");
        Objects.requireNonNull(timeout, "timeout");
        parameters = Map.copyOf(parameters);
    }
}
