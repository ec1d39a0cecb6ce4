package com.example.serverless.infra.localstack;

import com.example.serverless.infra.deploy.DeployTarget;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A running LocalStack. Nothing is adapted: the built JVM zip is uploaded as is, the functions run on the
 * managed java21 runtime in LocalStack's Lambda containers, and LocalStack's CloudFormation applies the SAM
 * transform itself, as AWS does.
 */
public final class LocalStackTarget implements DeployTarget {

    /** The last tag that starts without an auth token (from March 2026 LocalStack ships one image that needs one). */
    public static final String DEFAULT_IMAGE = "localstack/localstack:4.14.0";
    public static final Region REGION = Region.US_EAST_1;
    /** The services the template uses: the E2E target and localstack/docker-compose.yml start these. */
    public static final List<String> SERVICES = List.of("cloudformation", "lambda", "apigateway", "apigatewayv2",
            "cognito-idp", "s3", "sqs", "dynamodb", "dynamodbstreams", "ses", "sesv2", "sns", "cloudwatch", "logs", "iam", "sts");
    /**
     * Services the template needs beyond the community image's: Cognito user pools (pro image only), API Gateway
     * v2 HTTP APIs with their JWT authorizer and SES v2 (both a paid plan). Checked before deploying, because
     * LocalStack's CloudFormation skips resource types it does not support unless told otherwise.
     */
    public static final List<String> LICENSED_SERVICES = List.of("cognito-idp", "apigatewayv2", "sesv2");

    private final URI endpoint;

    public LocalStackTarget(URI endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public String name() {
        return "LocalStack at " + endpoint;
    }

    @Override
    public Optional<URI> endpoint() {
        return Optional.of(endpoint);
    }

    @Override
    public Region region() {
        return REGION;
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    /**
     * LocalStack serves an HTTP API's {@code $default} stage at {@code http://<apiId>.execute-api.localhost.localstack.cloud:<port>};
     * that name and its subdomains resolve to 127.0.0.1 in public DNS.
     */
    @Override
    public URI httpApiBaseUrl(String apiUrlOutput) {
        String apiId = URI.create(apiUrlOutput).getHost().split("\\.", 2)[0];
        return URI.create("http://" + apiId + ".execute-api.localhost.localstack.cloud:" + endpoint.getPort());
    }
}
