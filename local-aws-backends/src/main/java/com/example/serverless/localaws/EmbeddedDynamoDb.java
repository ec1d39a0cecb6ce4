package com.example.serverless.localaws;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.net.URI;

/**
 * DynamoDB Local, in memory, in this JVM, with DynamoDB Streams. Needs the system property
 * {@code sqlite4java.library.path} (the parent POM sets it for surefire and failsafe).
 */
public final class EmbeddedDynamoDb implements AutoCloseable {

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private EmbeddedDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    public static EmbeddedDynamoDb start() {
        int port = LoopbackPorts.freePort();
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-port", String.valueOf(port), "-disableTelemetry"});
            server.start();
            return new EmbeddedDynamoDb(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port
                    + " (is -Dsqlite4java.library.path set?)", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }
}
