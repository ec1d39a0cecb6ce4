package com.example.serverless.localcloud;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The developer loop: {@code ./mvnw -pl <module> quarkus:dev} runs the module's function against the stack
 * {@code ./run-local.sh} is running, as the deployed function it names ({@code local-cloud.dev.function}, e.g.
 * TodoFunction): with that function's environment (its table and bucket names), every Quarkiverse client pointed at
 * the local cloud, the SDK's defaults too, and MiniStack's certificate trusted. Only in dev mode; without a running
 * stack it says how to start one.
 */
public final class LocalCloudDevConfig implements ConfigSourceFactory {

    static final String FUNCTION = "local-cloud.dev.function";
    private static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT || context.getValue(FUNCTION).getValue() == null) {
            return List.of();
        }
        String function = context.getValue(FUNCTION).getValue();
        Path runLocal = projectRoot().resolve("infra/target/run-local");
        Properties stack = read(runLocal.resolve("stack.properties"), "start the stack first: ./run-local.sh");
        Properties environment = read(runLocal.resolve("functions").resolve(function + ".properties"),
                "./run-local.sh deployed no function " + function);
        LocalAccount root = MiniStack.DEFAULT_ACCOUNT;
        Map<String, String> functionEnvironment = new HashMap<>();
        // Not the Lambda-only settings (JSON logs, C1-only JIT): dev mode keeps its own.
        environment.stringPropertyNames().stream().filter(name -> !name.startsWith("QUARKUS_") && !name.equals("JAVA_TOOL_OPTIONS"))
                .forEach(name -> functionEnvironment.put(name, environment.getProperty(name)));
        Map<String, String> config = QuarkusClients.config(stack.getProperty("endpoint"), MiniStack.REGION, root);
        System.setProperty("aws.endpointUrl", stack.getProperty("endpoint"));
        System.setProperty("aws.region", MiniStack.REGION);
        System.setProperty("aws.accessKeyId", root.accessKeyId());
        System.setProperty("aws.secretAccessKey", root.secretAccessKey());
        System.setProperty("javax.net.ssl.trustStore", stack.getProperty("truststore"));
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        // The function's environment as on Lambda: an env-style source, so BLOG_SES_CONFIGURATION_SET is also read as
        // blog.ses.configuration-set (a @ConfigMapping) and not only as ${BLOG_SES_CONFIGURATION_SET}.
        return List.of(new PropertiesConfigSource(config, "local-cloud (the stack of ./run-local.sh, as " + function + ")", ORDINAL),
                new EnvConfigSource(functionEnvironment, ORDINAL));
    }

    /** The build's root: the module runs from its own directory, one below. */
    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("run-local.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("local-cloud dev mode: no run-local.sh above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static Properties read(Path file, String hint) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("local-cloud dev mode: " + file + " is missing; " + hint);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
