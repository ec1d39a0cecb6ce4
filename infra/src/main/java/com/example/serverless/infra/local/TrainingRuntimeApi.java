package com.example.serverless.infra.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The smallest Lambda Runtime API that trains a function: on loopback, it hands out the given events one per
 * {@code GET /2018-06-01/runtime/invocation/next} (with the headers AWS's runtime interface client needs, Content-Type
 * included), records what the function answers, and once the events are spent leaves the next poll waiting, so that
 * the function idles until it is stopped.
 */
final class TrainingRuntimeApi implements AutoCloseable {

    private static final String INVOCATION = "/2018-06-01/runtime/invocation/";

    private final HttpServer server;
    private final BlockingQueue<String> events;
    private final CountDownLatch answered;
    private final List<String> answers = new ArrayList<>();

    TrainingRuntimeApi(List<String> events) {
        this.events = new LinkedBlockingQueue<>(events);
        this.answered = new CountDownLatch(events.size());
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("No loopback port for the training Runtime API", e);
        }
        server.createContext(INVOCATION, this::handle);
        server.createContext("/2018-06-01/runtime/init/error", this::recordAnswer);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "training-runtime-api");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** host:port, for AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Waits until every event was answered (a response or an error); false when the time ran out first. */
    boolean awaitAnswers(Duration timeout) throws InterruptedException {
        return answered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized List<String> answers() {
        return List.copyOf(answers);
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("GET") && exchange.getRequestURI().getPath().endsWith("/next")) {
            String event;
            try {
                event = events.take();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return;
            }
            byte[] body = event.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", "aot-training-" + UUID.randomUUID());
            exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 60_000));
            exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                    "arn:aws:lambda:us-east-1:000000000000:function:aot-training");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        } else {
            recordAnswer(exchange);
        }
    }

    private void recordAnswer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (this) {
            answers.add(body);
        }
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
        answered.countDown();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
