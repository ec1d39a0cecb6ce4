package com.example.serverless.localcloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * MiniStack, the Docker-free local cloud, as a host process on a free loopback port, with IAM evaluation
 * ({@code AUTH=true}) and TLS ({@code USE_SSL}) on: installed from the pinned requirements into the build's venv
 * location, started, and stopped with every process it started (the function JVMs are its children). The JVM
 * that starts it trusts its certificate from then on ({@link TrustStore}); so do the functions it runs (the local
 * bootstrap reads {@value #TRUSTSTORE_ENV}).
 */
public final class MiniStack implements AutoCloseable {

    /** Where a function's bootstrap finds the trust store for MiniStack's certificate (the functions inherit it). */
    public static final String TRUSTSTORE_ENV = "LOCAL_CLOUD_TRUSTSTORE";
    public static final String REGION = "us-east-1";
    /** The account of the static credentials {@code test}/{@code test}: its root, which IAM does not evaluate. */
    public static final LocalAccount DEFAULT_ACCOUNT = new LocalAccount("000000000000", "test", "test");

    private static final System.Logger LOG = System.getLogger(MiniStack.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicLong NEXT_ACCOUNT = new AtomicLong(100_000_000_001L);
    private static MiniStack shared;

    private final Process process;
    private final int port;
    private final int plainPort;
    private final PythonVenv venv;
    private final Path runDir;
    private final TrustStore trustStore;
    private final HttpClient http;

    private MiniStack(Process process, int port, int plainPort, PythonVenv venv, Path runDir, TrustStore trustStore) {
        this.process = process;
        this.port = port;
        this.plainPort = plainPort;
        this.venv = venv;
        this.runDir = runDir;
        this.trustStore = trustStore;
        this.http = HttpClient.newBuilder().sslContext(trustStore.sslContext()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * The one MiniStack of this test JVM, started on first use under {@code local-cloud.run-dir} (the parent POM
     * sets it to the module's {@code target/local-cloud}) and stopped when the JVM exits.
     */
    public static synchronized MiniStack shared() {
        if (shared == null) {
            shared = start(Path.of(System.getProperty("local-cloud.run-dir", "target/local-cloud")).toAbsolutePath());
        }
        return shared;
    }

    /**
     * Installs (if needed) and starts MiniStack with its log, state and certificate under {@code runDir}.
     * <p>
     * It runs under Hypercorn with two loopback listeners: TLS on {@link #endpoint()}, which every client uses, and
     * plain HTTP on {@link #plainHttpEndpoint()}, named to MiniStack as its GATEWAY_PORT. MiniStack 1.5.33 fetches a
     * Cognito issuer's JWKS from {@code http://MINISTACK_HOST:GATEWAY_PORT} (apigateway.py, {@code _resolve_jwks_url})
     * even under USE_SSL, where its own listener speaks TLS only, so every JWT authorizer would answer 401. As a
     * consequence, the URLs MiniStack composes itself (queue URLs in stack outputs) name the plain port. Both are
     * recorded in MiniStackFidelityIT. A request over the plain listener is a request without TLS: the template's
     * TLS-only bucket policies deny it, as on AWS.
     */
    public static MiniStack start(Path runDir) {
        PythonVenv venv = PythonVenv.install("ministack", PythonVenv.resource("/local-cloud/ministack-requirements.txt"),
                "it runs MiniStack, the local AWS emulator");
        int port = freeLoopbackPort();
        int plainPort = freeLoopbackPort();
        Path tmp = runDir.resolve("tmp");
        Path log = runDir.resolve("ministack.log");
        Path trustStoreFile = runDir.resolve("ministack-truststore.p12");
        try {
            Files.createDirectories(tmp);
            Files.deleteIfExists(trustStoreFile);
            TlsMaterial tls = TlsMaterial.of(venv, tmp);
            ProcessBuilder builder = new ProcessBuilder(venv.bin("python").toString(), "-m", "hypercorn", "ministack.app:app",
                    "--bind", "127.0.0.1:" + port, "--certfile", tls.certificate().toString(),
                    "--keyfile", tls.key().toString(), "--insecure-bind", "127.0.0.1:" + plainPort, "--keep-alive", "75")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("GATEWAY_PORT", Integer.toString(plainPort));
            // The host in the URLs MiniStack makes up itself (queue URLs in stack outputs): the address it listens on.
            env.put("MINISTACK_HOST", "127.0.0.1");
            env.put("MINISTACK_REGION", REGION);
            env.put("AUTH", "true");
            env.put("USE_SSL", "1");
            env.put("MINISTACK_SSL_CERT", tls.certificate().toString());
            env.put("MINISTACK_SSL_KEY", tls.key().toString());
            // Functions inherit MiniStack's environment: their SDK clients call back here (SDK v2 reads AWS_ENDPOINT_URL).
            env.put("AWS_ENDPOINT_URL", "https://127.0.0.1:" + port);
            env.put(TRUSTSTORE_ENV, trustStoreFile.toString());
            env.put("TMPDIR", tmp.toString());
            env.put("STATE_DIR", runDir.resolve("state").toString());
            // Extra listeners we do not use would take fixed ports (8883, 2222) and clash between instances.
            env.put("IOT_MTLS_ENABLED", "0");
            env.put("SFTP_ENABLED", "0");
            TrustStore trustStore = TrustStore.forCertificate(tls.certificate(), trustStoreFile);
            Process process = builder.start();
            MiniStack miniStack = new MiniStack(process, port, plainPort, venv, runDir, trustStore);
            Runtime.getRuntime().addShutdownHook(new Thread(miniStack::close, "ministack-stop"));
            try {
                miniStack.awaitHealthy();
            } catch (RuntimeException e) {
                miniStack.close();
                throw e;
            }
            trustStore.trustInThisJvm();
            LOG.log(System.Logger.Level.INFO, "MiniStack is up at {0} (log: {1})", miniStack.endpoint(), log);
            return miniStack;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start MiniStack", e);
        }
    }

    /** Where every client calls: TLS with MiniStack's certificate ({@link #trustStore()}). */
    public URI endpoint() {
        return URI.create("https://127.0.0.1:" + port);
    }

    /** The plain-HTTP listener (see {@link #start}): only to show what a request without TLS gets. */
    public URI plainHttpEndpoint() {
        return URI.create("http://127.0.0.1:" + plainPort);
    }

    public String region() {
        return REGION;
    }

    public PythonVenv venv() {
        return venv;
    }

    public Path log() {
        return runDir.resolve("ministack.log");
    }

    public TrustStore trustStore() {
        return trustStore;
    }

    /**
     * A fresh account: its root's access key is the 12-digit account id, which MiniStack takes as that account
     * (its own tables, queues, sent mail; S3 bucket names stay global, as on AWS).
     */
    public LocalAccount newAccount() {
        String id = String.format("%012d", NEXT_ACCOUNT.getAndIncrement());
        return new LocalAccount(id, id, "test");
    }

    /** The PKCS#8 key MiniStack signs a user pool's access tokens with (it keeps it on disk). */
    public Path accessTokenSigningKey(String userPoolId) {
        return runDir.resolve("state").resolve("cognito-pool-keys").resolve(userPoolId + "-access.pem");
    }

    /** The mail SES accepted for an account, as MiniStack's inspection endpoint reports it. */
    public List<SentEmail> sentEmails(LocalAccount account) {
        return SentEmail.parseMiniStack(get("/_ministack/ses/messages?account=" + account.id()));
    }

    /** GET on one of MiniStack's own endpoints ({@code /_ministack/...}), which take no signature. */
    public String get(String pathAndQuery) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint().resolve(pathAndQuery)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many processes MiniStack started (function environments) are running now. */
    public long childProcesses() {
        return process.descendants().filter(ProcessHandle::isAlive).count();
    }

    /** Stops MiniStack and every process below it: the function environments would otherwise outlive it. */
    @Override
    public synchronized void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("MiniStack exited with " + process.exitValue() + " during start; see " + log());
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(endpoint().resolve("/_ministack/health"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException("MiniStack did not become healthy within " + START_TIMEOUT + "; see " + log());
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
