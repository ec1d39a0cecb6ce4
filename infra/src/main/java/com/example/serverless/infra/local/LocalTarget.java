package com.example.serverless.infra.local;

import com.example.serverless.infra.deploy.DeployTarget;
import com.example.serverless.infra.deploy.SamTemplate;
import com.example.serverless.infra.deploy.StackOutputs;
import com.example.serverless.infra.deploy.TargetClients;
import com.example.serverless.localcloud.LocalAccount;
import com.example.serverless.localcloud.MiniStack;
import java.net.URI;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * MiniStack on loopback, IAM and TLS enforced. Functions run as provided.al2023 host processes (same code,
 * repackaged), without SnapStart (AWS offers it for managed Java runtimes only); the SAM transform runs before
 * submission. The deployer acts as the account's root, as {@code sam deploy} acts with an administrator's rights;
 * every function acts with its own execution role.
 */
public final class LocalTarget implements DeployTarget {

    public static final Region REGION = Region.of(MiniStack.REGION);
    public static final String PROVIDED_RUNTIME = "provided.al2023";
    /** The template's AutoPublishAlias. */
    public static final String LIVE_ALIAS = "live";

    private final MiniStack miniStack;
    private final LocalFunctionPackager packager;
    private final LocalSamTransform transform;

    public LocalTarget(MiniStack miniStack, Path runtimeInterfaceClientJars, Path workDir) {
        this.miniStack = miniStack;
        this.packager = new LocalFunctionPackager(runtimeInterfaceClientJars, Path.of(System.getProperty("java.home")),
                workDir.resolve("local-functions"), AotTraining.Cloud.scratchAccountOf(miniStack));
        this.transform = new LocalSamTransform(miniStack.venv(), workDir);
    }

    @Override
    public String name() {
        return "MiniStack at " + miniStack.endpoint();
    }

    @Override
    public Optional<URI> endpoint() {
        return Optional.of(miniStack.endpoint());
    }

    @Override
    public Region region() {
        return REGION;
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return new RootCredentials();
    }

    /** The default account's root: what deploys and sets up, as an administrator does with sam deploy. */
    public record RootCredentials() implements AwsCredentialsProvider {
        @Override
        public software.amazon.awssdk.auth.credentials.AwsCredentials resolveCredentials() {
            LocalAccount root = MiniStack.DEFAULT_ACCOUNT;
            return AwsBasicCredentials.create(root.accessKeyId(), root.secretAccessKey());
        }
    }

    /** For the cold-start benchmark, which packages functions of its own. */
    public LocalFunctionPackager packager() {
        return packager;
    }

    public MiniStack miniStack() {
        return miniStack;
    }

    @Override
    public void adapt(SamTemplate template) {
        runFunctionsAsHostProcesses(template);
        boundQueueMappingsByTheCores(template, workersPerFunction());
        authorizeSendEmailAsMiniStackDoes(template);
        authorizeSqsBatchesAsMiniStackDoes(template);
        serveTheSiteApiFromMiniStack(template, miniStack.plainHttpEndpoint());
        allowTheLocalCognitoInTheSiteCsp(template, cognitoEndpoint());
    }

    /**
     * MiniStack 1.5.33's CloudFront refuses to dial an origin at an AWS host name (502), so the site's {@code api}
     * origin, {@code <api>.execute-api.<region>.amazonaws.com} on AWS, becomes MiniStack's plain listener with the
     * API's path there ({@code /_aws/execute-api/<api>/$default}). MiniStackFidelityIT asserts the departure.
     */
    @SuppressWarnings("unchecked")
    static void serveTheSiteApiFromMiniStack(SamTemplate template, URI plainEndpoint) {
        Map<String, Object> config = (Map<String, Object>) template.properties("SiteDistribution").get("DistributionConfig");
        for (Map<String, Object> origin : (List<Map<String, Object>>) config.get("Origins")) {
            if ("api".equals(origin.get("Id"))) {
                origin.put("DomainName", plainEndpoint.getHost());
                origin.put("OriginPath", Map.of("Fn::Sub", "/_aws/execute-api/${BlogApi}/$default"));
                origin.put("CustomOriginConfig", Map.of("OriginProtocolPolicy", "http-only",
                        "HTTPPort", plainEndpoint.getPort()));
            }
        }
    }

    /** Cognito is MiniStack's endpoint here, not cognito-idp.&lt;region&gt;.amazonaws.com: the CSP names it instead. */
    @SuppressWarnings("unchecked")
    static void allowTheLocalCognitoInTheSiteCsp(SamTemplate template, URI cognito) {
        Map<String, Object> csp = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) template
                .properties("SiteHeadersPolicy").get("ResponseHeadersPolicyConfig")).get("SecurityHeadersConfig"))
                .get("ContentSecurityPolicy");
        String policy = (String) ((Map<String, Object>) csp.get("ContentSecurityPolicy")).get("Fn::Sub");
        String local = "https://" + cognito.getAuthority();
        csp.put("ContentSecurityPolicy", Map.of("Fn::Sub",
                policy.replace("https://cognito-idp.${AWS::Region}.${AWS::URLSuffix}", local)));
    }

    /**
     * AWS authorises SendMessageBatch with {@code sqs:SendMessage} (IAM has no batch action; cfn-lint refuses one);
     * MiniStack 1.5.33 checks an action named after the API call, {@code sqs:SendMessageBatch}. Locally, and only
     * locally, each statement that allows SendMessage gets a twin for the batch call on the same resources;
     * MiniStackFidelityIT asserts the departure.
     */
    static void authorizeSqsBatchesAsMiniStackDoes(SamTemplate template) {
        for (String function : template.functionsWithInlineAction("sqs:SendMessage")) {
            for (Map<String, Object> statement : template.inlineStatementsWithAction(function, "sqs:SendMessage")) {
                template.addInlineStatement(function, Map.of("Effect", "Allow", "Action", "sqs:SendMessageBatch",
                        "Resource", statement.get("Resource")));
            }
        }
    }

    /**
     * MiniStack 1.5.33 authorises SES v2 SendEmail against {@code *} instead of the identity and configuration-set
     * ARNs AWS checks (iam_actions.py), so the template's scoped grant matches nothing there. Locally, and only
     * locally, each function the template lets send gets SendEmail on {@code *} besides; MiniStackFidelityIT
     * asserts the departure. The template itself (what AWS gets) is never widened.
     */
    static void authorizeSendEmailAsMiniStackDoes(SamTemplate template) {
        for (String function : template.functionsWithInlineAction("ses:SendEmail")) {
            template.addInlineStatement(function, Map.of("Effect", "Allow", "Action", "ses:SendEmail", "Resource", "*"));
        }
    }

    /** Every function on provided.al2023 (see LocalFunctionPackager), without SnapStart, which needs a managed runtime. */
    static void runFunctionsAsHostProcesses(SamTemplate template) {
        template.setFunctionProperty("Runtime", PROVIDED_RUNTIME);
        template.removeFunctionProperty("SnapStart");
    }

    /**
     * An SQS mapping's MaximumConcurrency is sized for AWS, where each batch gets its own CPU share; here every
     * function process shares the machine, so no mapping runs more batches at once than there are cores (the
     * messages wait in their queue meanwhile). An Integer, never a string: MiniStack's poller fails on a string.
     */
    @SuppressWarnings("unchecked")
    static void boundQueueMappingsByTheCores(SamTemplate template, int cores) {
        for (String mapping : template.resourceIds("AWS::Lambda::EventSourceMapping")) {
            if (template.properties(mapping).get("ScalingConfig") instanceof Map<?, ?> scaling
                    && scaling.get("MaximumConcurrency") instanceof Integer maximum) {
                ((Map<String, Object>) scaling).put("MaximumConcurrency", Math.min(maximum, cores));
            }
        }
    }

    /**
     * MiniStack never queues an invocation: each request that finds no idle worker starts another function process,
     * and 20 concurrent clients on 2 cores meant 20 JVMs starting at once, most past MiniStack's 10 s init limit (502).
     * Each HTTP API function gets a reserved concurrency of the machine's core count instead, so a request past it is
     * throttled (MiniStack answers 429, where API Gateway on AWS answers 500: MiniStackFidelityIT) and, retried, finds
     * a warm worker. Set through the API because MiniStack's CloudFormation ignores ReservedConcurrentExecutions;
     * the template (what AWS gets) reserves nothing for them. MiniStack 1.5.33 applies a reservation only to
     * invocations of the unqualified function (a version's record has none), so the {@code live} alias the API
     * invokes points at $LATEST here, which holds the same code and configuration as the version just published.
     */
    @Override
    public void afterDeploy(SamTemplate template, StackOutputs outputs, TargetClients clients) {
        int workers = workersPerFunction();
        try (CloudFormationClient cloudFormation = clients.cloudFormation(); LambdaClient lambda = clients.lambda()) {
            for (String function : template.functionsWithEventType("HttpApi")) {
                String name = cloudFormation.describeStackResource(b -> b.stackName(outputs.stackName())
                        .logicalResourceId(function)).stackResourceDetail().physicalResourceId();
                lambda.putFunctionConcurrency(b -> b.functionName(name).reservedConcurrentExecutions(workers));
                lambda.updateAlias(b -> b.functionName(name).name(LIVE_ALIAS).functionVersion("$LATEST"));
            }
        }
    }

    /** As many concurrent executions of one function as the machine has cores: each is a CPU-bound JVM at start. */
    public static int workersPerFunction() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The provided.al2023 zip, with an AOT cache trained on the events in aot-training/&lt;function&gt;.json if there are any. */
    @Override
    public Path packageFunction(SamTemplate template, String functionId, Path builtZip) {
        return packager.repackage(functionId, builtZip, trainingPlan(template, functionId));
    }

    public static Optional<AotTraining.Plan> trainingPlan(SamTemplate template, String functionId) {
        String resource = "/aot-training/" + functionId + ".json";
        try (var in = LocalTarget.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            List<String> events = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(event -> events.add(event.toString()));
            Map<String, String> environment = new TreeMap<>();
            template.environment(functionId).forEach((name, value) -> {
                if (!isOptional(value)) {
                    environment.put(name, value instanceof String literal ? literal : placeholder(name));
                }
            });
            return Optional.of(new AotTraining.Plan(template.handler(functionId), environment, events));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /**
     * A variable only an optional feature sets ({@code !If [Feature, value, !Ref AWS::NoValue]}, as TODO_DAX_ENDPOINT):
     * the local stack runs without those features, so the training leaves it out, as the stack does.
     */
    private static boolean isOptional(Object value) {
        return value instanceof Map<?, ?> intrinsic && intrinsic.get("Fn::If") instanceof List<?> branches
                && branches.contains(Map.of("Ref", "AWS::NoValue"));
    }

    /** A stand-in for a value the stack resolves at deploy time (a table name, a URL), valid where the function checks it. */
    static String placeholder(String name) {
        if (name.endsWith("_URL")) {
            return "https://aot-training.example.com";
        }
        if (name.endsWith("_EMAIL")) {
            return "aot-training@example.com";
        }
        return "aot-training-placeholder-" + "x".repeat(40);
    }

    @Override
    public String templateBody(SamTemplate template, Map<String, String> parameters) {
        return transform.apply(template.tree(), parameters, REGION.id());
    }

    /**
     * Parameter values for a throwaway local stack: no CodeDeploy (MiniStack has none), no deletion protection. The
     * template declares no secret parameters (its keys are generated in Secrets Manager), so nothing else is set.
     */
    public static Map<String, String> parameters() {
        return Map.of("EnableGradualDeployments", "false", "RetainData", "false");
    }

    /**
     * MiniStack serves a distribution's viewer requests on its own port for the Host {@code <id>.cloudfront.net}; no
     * resolver knows that name here, so a browser maps it to loopback (Chromium: {@code --host-resolver-rules}).
     */
    @Override
    public URI siteUrl(String siteUrlOutput) {
        return URI.create(siteUrlOutput + ":" + miniStack.endpoint().getPort());
    }

    /** MiniStack serves an HTTP API at /_aws/execute-api/{apiId}/{stage}; SAM's HTTP APIs use the $default stage. */
    @Override
    public URI httpApiBaseUrl(String apiUrlOutput) {
        String apiId = URI.create(apiUrlOutput).getHost().split("\\.", 2)[0];
        return miniStack.endpoint().resolve("/_aws/execute-api/" + apiId + "/$default");
    }
}
