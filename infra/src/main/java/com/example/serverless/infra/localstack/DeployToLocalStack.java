package com.example.serverless.infra.localstack;

import com.example.serverless.infra.deploy.Deployment;
import com.example.serverless.infra.deploy.StackDeployer;
import com.example.serverless.infra.deploy.StackOutputs;
import com.example.serverless.infra.local.LocalTarget;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;

/**
 * Deploys infra/template.yaml to a running LocalStack (localstack/deploy.sh) with the deployer every target
 * uses, and prints the Outputs. Arguments: infra directory, endpoint (default http://127.0.0.1:4566), stack name.
 */
public final class DeployToLocalStack {

    private DeployToLocalStack() {
    }

    public static void main(String[] args) {
        Path infra = Path.of(args.length > 0 ? args[0] : "infra").toAbsolutePath();
        URI endpoint = URI.create(args.length > 1 ? args[1] : "http://127.0.0.1:4566");
        String stackName = args.length > 2 ? args[2] : "serverless-reference";

        LocalStackHealth health = LocalStackHealth.read(endpoint);
        List<String> missing = health.missing(LocalStackTarget.LICENSED_SERVICES);
        if (!missing.isEmpty()) {
            System.err.println("LocalStack " + health.version() + " at " + endpoint + " does not provide " + missing
                    + ", which the template needs (Cognito user pools, the HTTP API and its JWT authorizer, SES v2).\n"
                    + "Start an image and licence that do: LOCALSTACK_IMAGE=localstack/localstack-pro:4.14.0 and "
                    + "LOCALSTACK_AUTH_TOKEN=<your token> (see localstack/README.md).");
            System.exit(2);
        }

        LocalStackTarget target = new LocalStackTarget(endpoint);
        Path template = infra.resolve("template.yaml");
        StackOutputs outputs = new StackDeployer(target).deploy(new Deployment(stackName, template,
                LocalTarget.parameters(), "localstack-deployment", Duration.ofMinutes(10)));

        StringBuilder out = new StringBuilder("\nStack ").append(stackName).append(" deployed to ").append(target.name())
                .append(" (LocalStack ").append(health.version()).append(")\n\nOutputs:\n");
        new TreeMap<>(outputs.values()).forEach((key, value) -> out.append("  ").append(key).append(" = ").append(value).append('\n'));
        out.append("  (ApiUrl is served at ").append(target.httpApiBaseUrl(outputs.get("ApiUrl"))).append(")\n");
        System.out.println(out);
    }
}
