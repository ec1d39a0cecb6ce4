package com.example.serverless.infra.local;

import com.example.serverless.infra.deploy.DeployTarget;
import com.example.serverless.infra.deploy.SamTemplate;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * MiniStack on loopback. Functions run as provided.al2023 host processes (same code, repackaged), without
 * SnapStart (AWS offers it for managed Java runtimes only); the SAM transform runs before submission.
 */
public final class LocalTarget implements DeployTarget {

    public static final Region REGION = Region.US_EAST_1;
    public static final String PROVIDED_RUNTIME = "provided.al2023";

    private final MiniStack miniStack;
    private final LocalFunctionPackager packager;
    private final LocalSamTransform transform;

    public LocalTarget(MiniStack miniStack, Path runtimeInterfaceClientJars, Path workDir) {
        this.miniStack = miniStack;
        this.packager = new LocalFunctionPackager(runtimeInterfaceClientJars, Path.of(System.getProperty("java.home")),
                workDir.resolve("local-functions"));
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
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    @Override
    public void adapt(SamTemplate template) {
        runFunctionsAsHostProcesses(template);
    }

    /** Every function on provided.al2023 (see LocalFunctionPackager), without SnapStart, which needs a managed runtime. */
    static void runFunctionsAsHostProcesses(SamTemplate template) {
        template.setFunctionProperty("Runtime", PROVIDED_RUNTIME);
        template.removeFunctionProperty("SnapStart");
    }

    @Override
    public Path packageFunction(String functionId, Path builtZip) {
        return packager.repackage(functionId, builtZip);
    }

    @Override
    public String templateBody(SamTemplate template, Map<String, String> parameters) {
        return transform.apply(template.tree(), parameters, REGION.id());
    }

    /**
     * Parameter values for a throwaway local stack: no CodeDeploy (MiniStack has none), and a fresh random
     * value for every secret parameter (NoEcho, no Default) the template declares.
     */
    public static Map<String, String> parameters(Path templateFile) {
        Map<String, String> parameters = new java.util.TreeMap<>();
        parameters.put("EnableGradualDeployments", "false");
        SecureRandom random = new SecureRandom();
        for (String secret : SamTemplate.load(templateFile).secretParametersWithoutDefault()) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            parameters.put(secret, HexFormat.of().formatHex(bytes));
        }
        return parameters;
    }

    /** MiniStack serves an HTTP API at /_aws/execute-api/{apiId}/{stage}; SAM's HTTP APIs use the $default stage. */
    @Override
    public URI httpApiBaseUrl(String apiUrlOutput) {
        String apiId = URI.create(apiUrlOutput).getHost().split("\\.", 2)[0];
        return miniStack.endpoint().resolve("/_aws/execute-api/" + apiId + "/$default");
    }
}
