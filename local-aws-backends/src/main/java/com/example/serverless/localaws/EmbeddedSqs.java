package com.example.serverless.localaws;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ, an SQS-compatible server (JSON protocol, redrive to DLQ), in this JVM. */
public final class EmbeddedSqs implements AutoCloseable {

    private final SQSRestServer server;
    private final URI endpoint;

    private EmbeddedSqs(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    public static EmbeddedSqs start() {
        int port = LoopbackPorts.freePort();
        SQSRestServer server = SQSRestServerBuilder
                .withInterface("127.0.0.1")
                .withPort(port)
                .withAWSRegion(LocalCredentials.REGION)
                .start();
        server.waitUntilStarted();
        return new EmbeddedSqs(server, URI.create("http://127.0.0.1:" + port));
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
