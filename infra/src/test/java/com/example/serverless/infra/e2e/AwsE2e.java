package com.example.serverless.infra.e2e;

import com.example.serverless.infra.aws.AwsTarget;
import java.util.Optional;

/**
 * {@code -De2e.target=aws -De2e.stack=NAME}: the suite runs against a stack {@code sam deploy} made, read by name
 * with the default region and credentials chains. Nothing is deployed or torn down here.
 */
final class AwsE2e {

    private AwsE2e() {
    }

    static E2eStack.Stack read() {
        String stackName = System.getProperty("e2e.stack", "");
        if (stackName.isBlank()) {
            throw new IllegalArgumentException("e2e.target=aws needs the deployed stack's name: -De2e.stack=NAME "
                    + "(sam deploy's stack_name, serverless-reference in infra/samconfig.toml)");
        }
        AwsTarget target = new AwsTarget();
        return new E2eStack.Stack("aws", target, target.outputsOf(stackName), Optional.empty(), () -> {
        });
    }
}
