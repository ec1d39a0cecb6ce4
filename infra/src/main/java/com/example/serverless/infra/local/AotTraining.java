package com.example.serverless.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Trains a JDK 25 AOT cache (JEP 483/514/515) for one local function, outside the local cloud: runs the function's
 * own bootstrap (its JVM, flags and class path) with {@code -XX:AOTCacheOutput} against a {@link TrainingRuntimeApi}
 * that feeds a few representative events, then stops it with SIGTERM, on which the JVM writes the cache. The events
 * only read: every AWS call goes to a closed loopback port and fails at once (AWS_MAX_ATTEMPTS=1), which still loads
 * and links what the request path needs.
 */
public final class AotTraining {

    private static final System.Logger LOG = System.getLogger(AotTraining.class.getName());
    private static final Duration ANSWERS = Duration.ofMinutes(2);
    private static final Duration EXIT = Duration.ofMinutes(2);

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
    static Optional<Path> train(Path taskRoot, Plan plan, Path cache, Path log) {
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
            env.put("AWS_ACCESS_KEY_ID", "aot-training");
            env.put("AWS_SECRET_ACCESS_KEY", "aot-training");
            env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + closedLoopbackPort());
            env.put("AWS_MAX_ATTEMPTS", "1");
            env.put("LAMBDA_JVM_FLAGS", LocalFunctionPackager.FAST_START_FLAGS + " -XX:AOTCacheOutput=" + cache);
            env.remove(com.example.serverless.localcloud.MiniStack.TRUSTSTORE_ENV);
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

    /** A loopback port nothing listens on: connections are refused at once. */
    private static int closedLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
