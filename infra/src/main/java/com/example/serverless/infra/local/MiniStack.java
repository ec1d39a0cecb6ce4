package com.example.serverless.infra.local;

import com.example.serverless.infra.python.PythonVenv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * MiniStack, the Docker-free local cloud: installed from the pinned requirements into a venv under the
 * work directory (once per pin change), started on a free loopback port, stopped with every process it
 * started (the function JVMs are its children).
 */
public final class MiniStack implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MiniStack.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path venv;
    private final Path log;
    private final Path stateDir;

    private MiniStack(Process process, int port, Path venv, Path log, Path stateDir) {
        this.process = process;
        this.port = port;
        this.venv = venv;
        this.log = log;
        this.stateDir = stateDir;
    }

    /** Installs (if needed) and starts MiniStack; logs to {@code workDir/ministack.log}. */
    public static MiniStack start(Path workDir) {
        return start(workDir, workDir);
    }

    /**
     * Installs (if needed) the venv under {@code installDir} and starts MiniStack with its log, state and
     * temporary files under {@code runDir}, so that another instance (the benchmark beside the E2E suite)
     * shares the installation but nothing it writes.
     */
    public static MiniStack start(Path installDir, Path runDir) {
        Path venv = PythonVenv.install(installDir, "ministack", "it runs MiniStack, the local AWS emulator").home();
        int port = freeLoopbackPort();
        Path log = runDir.resolve("ministack.log");
        Path tmp = runDir.resolve("ministack-tmp");
        Path stateDir = runDir.resolve("ministack-state");
        String endpoint = "http://127.0.0.1:" + port;
        try {
            Files.createDirectories(tmp);
            ProcessBuilder builder = new ProcessBuilder(venv.resolve("bin/python").toString(), "-m", "ministack")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("GATEWAY_PORT", Integer.toString(port));
            env.put("BIND_HOST", "127.0.0.1");
            env.put("MINISTACK_REGION", LocalTarget.REGION.id());
            // Functions inherit MiniStack's environment: their SDK clients call back here (SDK v2 reads AWS_ENDPOINT_URL).
            env.put("AWS_ENDPOINT_URL", endpoint);
            env.put("TMPDIR", tmp.toString());
            env.put("STATE_DIR", stateDir.toString());
            // Extra listeners we do not use would take fixed ports (8883, 2222) and clash between instances.
            env.put("IOT_MTLS_ENABLED", "0");
            env.put("SFTP_ENABLED", "0");
            Process process = builder.start();
            MiniStack miniStack = new MiniStack(process, port, venv, log, stateDir);
            Runtime.getRuntime().addShutdownHook(new Thread(miniStack::close, "ministack-stop"));
            miniStack.awaitHealthy();
            LOG.log(System.Logger.Level.INFO, "MiniStack is up at {0} (log: {1})", endpoint, log);
            return miniStack;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start MiniStack", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path venv() {
        return venv;
    }

    public Path log() {
        return log;
    }

    /** The PKCS#8 key MiniStack signs a user pool's access tokens with (it keeps it on disk). */
    public Path accessTokenSigningKey(String userPoolId) {
        return stateDir.resolve("cognito-pool-keys").resolve(userPoolId + "-access.pem");
    }

    /** Stops MiniStack and every process below it: the function environments would otherwise outlive it. */
    @Override
    public synchronized void close() {
        if (!process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        URI health = endpoint().resolve("/_ministack/health");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("MiniStack exited with " + process.exitValue() + " during start; see " + log);
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) health.toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2_000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException("MiniStack did not become healthy within " + START_TIMEOUT + "; see " + log);
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
