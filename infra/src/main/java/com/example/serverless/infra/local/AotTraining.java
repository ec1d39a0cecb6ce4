package com.example.serverless.infra.local;

import com.example.serverless.localcloud.LocalAccount;
import com.example.serverless.localcloud.MiniStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Trains a JDK 25 AOT cache (JEP 483/514/515) for one local function, outside the local cloud's Lambda: runs the
 * function's own bootstrap (its JVM, flags and class path) with {@code -XX:AOTCacheOutput} against a
 * {@link TrainingRuntimeApi} that feeds a few representative events, then stops it with SIGTERM, on which the JVM
 * writes the cache. The events only read, and every AWS call goes to a {@link Cloud}: an account of the local cloud
 * made for the training, which holds nothing. So each call goes the whole way, TLS handshake, signing and an AWS
 * error answer (a table, bucket or queue not found), and the cache holds the SDK's request and response path, while
 * no call can touch the stack's data.
 */
public final class AotTraining {

    /** How a cache is trained, part of its key: a cache trained another way (against a closed port) is trained again. */
    static final String METHOD = "AWS calls answered by an empty account of the local cloud";
    private static final System.Logger LOG = System.getLogger(AotTraining.class.getName());
    private static final Duration ANSWERS = Duration.ofMinutes(2);
    private static final Duration EXIT = Duration.ofMinutes(2);

    /**
     * Where the training's AWS calls go: the local cloud's endpoint, the trust store for its certificate, and an
     * account of its own that holds no resource.
     */
    public record Cloud(URI endpoint, Path trustStore, LocalAccount account) {

        public static Cloud scratchAccountOf(MiniStack miniStack) {
            return new Cloud(miniStack.endpoint(), miniStack.trustStore().file(), miniStack.newAccount());
        }
    }

    /** What a function is trained with: its handler string, its environment, and the events to feed. */
    public record Plan(String handler, Map<String, String> environment, List<String> events) {
        public Plan {
            environment = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(environment));
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("Training needs at least one event");
            }
        }
    }

    private AotTraining() {
    }

    /** The cache written to {@code cache}, or empty (with the reason logged) when the training did not produce one. */
    static Optional<Path> train(Path taskRoot, Plan plan, Cloud cloud, Path cache, Path log) {
        try (TrainingRuntimeApi runtimeApi = new TrainingRuntimeApi(plan.events())) {
            Files.deleteIfExists(cache);
            ProcessBuilder builder = new ProcessBuilder(taskRoot.resolve("bootstrap").toString())
                    .directory(taskRoot.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.putAll(plan.environment());
            env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
            env.put("_HANDLER", plan.handler());
            env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
            env.put("AWS_LAMBDA_FUNCTION_NAME", "aot-training");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_REGION", LocalTarget.REGION.id());
            env.put("AWS_ACCESS_KEY_ID", cloud.account().accessKeyId());
            env.put("AWS_SECRET_ACCESS_KEY", cloud.account().secretAccessKey());
            env.put("AWS_ENDPOINT_URL", cloud.endpoint().toString());
            env.put(MiniStack.TRUSTSTORE_ENV, cloud.trustStore().toString());
            env.put("AWS_MAX_ATTEMPTS", "1");
            env.put("LAMBDA_JVM_FLAGS", LocalFunctionPackager.FAST_START_FLAGS + " -XX:AOTCacheOutput=" + cache);
            Process process = builder.start();
            try {
                if (!runtimeApi.awaitAnswers(ANSWERS)) {
                    LOG.log(System.Logger.Level.WARNING, "AOT training of {0}: {1} of {2} events answered within {3}; no cache (see {4})",
                            taskRoot, runtimeApi.answers().size(), plan.events().size(), ANSWERS, log);
                    return Optional.empty();
                }
                process.destroy();
                if (!process.waitFor(EXIT.toSeconds(), TimeUnit.SECONDS)) {
                    LOG.log(System.Logger.Level.WARNING, "AOT training of {0} did not exit within {1} of SIGTERM; no cache", taskRoot, EXIT);
                    return Optional.empty();
                }
            } finally {
                process.destroyForcibly();
            }
            if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
                LOG.log(System.Logger.Level.WARNING, "AOT training of {0} wrote no cache (see {1})", taskRoot, log);
                return Optional.empty();
            }
            return Optional.of(cache);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot train an AOT cache in " + taskRoot, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
