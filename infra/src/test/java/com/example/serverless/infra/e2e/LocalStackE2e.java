package com.example.serverless.infra.e2e;

import com.example.serverless.infra.deploy.Deployment;
import com.example.serverless.infra.deploy.StackDeployer;
import com.example.serverless.infra.deploy.StackOutputs;
import com.example.serverless.infra.local.LocalTarget;
import com.example.serverless.infra.localstack.LocalStackHealth;
import com.example.serverless.infra.localstack.LocalStackTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * {@code -De2e.target=localstack}: Testcontainers starts LocalStack ({@link LocalStackTarget#DEFAULT_IMAGE}, or
 * {@code LOCALSTACK_IMAGE}; {@code LOCALSTACK_AUTH_TOKEN} passed through) and the deployer deploys the stack with
 * the real java21 runtime: the built zips as they are, the SAM transform by LocalStack's CloudFormation.
 * Without a Docker engine, or on an image without the licensed services the template needs, every E2E test is
 * reported as skipped with the reason.
 */
final class LocalStackE2e {

    private LocalStackE2e() {
    }

    static E2eStack.Stack deploy(Path infra) {
        Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "e2e.target=localstack needs a running Docker engine (Testcontainers found none); "
                        + "the default target (-De2e.target=local, MiniStack) runs without Docker");
        String image = System.getenv().getOrDefault("LOCALSTACK_IMAGE", LocalStackTarget.DEFAULT_IMAGE);
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(image))
                .withServices(LocalStackTarget.SERVICES.toArray(String[]::new))
                // Fail the deploy on a resource type LocalStack does not support instead of skipping it silently.
                .withEnv("CFN_IGNORE_UNSUPPORTED_RESOURCE_TYPES", "0")
                // A java21 Quarkus function's first start in a fresh container (image pull included) takes longer than 20 s.
                .withEnv("LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT", "120")
                .withStartupTimeout(Duration.ofMinutes(3));
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token != null && !token.isBlank()) {
            container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
        }
        container.start();
        try {
            LocalStackTarget target = new LocalStackTarget(container.getEndpoint());
            LocalStackHealth health = LocalStackHealth.read(container.getEndpoint());
            List<String> missing = health.missing(LocalStackTarget.LICENSED_SERVICES);
            Assumptions.assumeTrue(missing.isEmpty(), () -> image + " (LocalStack " + health.version() + ") does not provide "
                    + missing + ", which the template needs (Cognito user pools, the HTTP API with its JWT authorizer, "
                    + "SES v2); set LOCALSTACK_IMAGE=localstack/localstack-pro:4.14.0 and LOCALSTACK_AUTH_TOKEN");
            Path template = infra.resolve("template.yaml");
            // LocalStack replicates global tables between its regions: BlogGlobalTablesIT runs there.
            Map<String, String> parameters = new TreeMap<>(LocalTarget.parameters());
            parameters.put("BlogReplicaRegion", E2eStack.LOCAL_BLOG_REPLICA_REGION.id());
            StackOutputs outputs = new StackDeployer(target).deploy(new Deployment("e2e", template,
                    parameters, "e2e-deployment", Duration.ofMinutes(10)));
            return new E2eStack.Stack("localstack", target, outputs, Optional.empty(), container::stop);
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
    }
}
