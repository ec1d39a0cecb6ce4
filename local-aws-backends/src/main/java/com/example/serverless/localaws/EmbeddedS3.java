package com.example.serverless.localaws;

import java.net.URI;
import java.time.Duration;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * s3proxy over its in-memory blob store (versioning supported), in this JVM. It checks SigV4 signatures,
 * presigned URLs included, against {@link LocalCredentials}.
 */
public final class EmbeddedS3 implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final S3Proxy proxy;
    private final URI endpoint;

    private EmbeddedS3(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    public static EmbeddedS3 start() {
        URI endpoint = URI.create("http://127.0.0.1:" + LoopbackPorts.freePort());
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4,
                        LocalCredentials.ACCESS_KEY_ID, LocalCredentials.SECRET_ACCESS_KEY)
                .build();
        try {
            proxy.start();
            awaitStarted(proxy);
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start on " + endpoint, e);
        }
        return new EmbeddedS3(proxy, endpoint);
    }

    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy state is still " + proxy.getState());
            }
            Thread.sleep(10);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop", e);
        }
    }
}
