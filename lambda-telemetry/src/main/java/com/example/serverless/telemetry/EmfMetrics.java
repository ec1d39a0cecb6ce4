package com.example.serverless.telemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Counters written as CloudWatch Embedded Metric Format (EMF): one JSON object per line on standard output, which
 * CloudWatch Logs turns into metrics of {@code namespace} with the dimension {@code Service} (and, where given, one
 * more). A handler counts during an invocation and {@link #flush() flushes} once at its end: one line per dimension
 * set, never one per event. No PutMetricData calls, no agent, no extra latency.
 * <p>
 * Shape (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html):
 * {@code {"_aws":{"Timestamp":ms,"CloudWatchMetrics":[{"Namespace":..,"Dimensions":[["Service",..]],"Metrics":[{"Name":..,"Unit":"Count"}]}]},"Service":..,"<metric>":n}}.
 */
public final class EmfMetrics {

    /** Every metric of this project lives here. */
    public static final String NAMESPACE = "ServerlessReference";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Dimensions(String name, String value) {
    }

    private final String service;
    private final Supplier<PrintStream> out;
    private final Clock clock;
    private final Map<Dimensions, Map<String, Long>> counts = new LinkedHashMap<>();

    public EmfMetrics(String service, PrintStream out, Clock clock) {
        this(service, () -> out, clock);
    }

    private EmfMetrics(String service, Supplier<PrintStream> out, Clock clock) {
        this.service = Objects.requireNonNull(service, "service");
        this.out = out;
        this.clock = clock;
    }

    /** Standard output (whatever {@code System.out} is at each flush), as the Lambda runtime sends it to CloudWatch Logs. */
    public static EmfMetrics toStandardOutput(String service) {
        return new EmfMetrics(service, () -> System.out, Clock.systemUTC());
    }

    public synchronized void count(String metric, long value) {
        add(new Dimensions(null, null), metric, value);
    }

    /** A count with one more dimension, e.g. {@code count("ImagesRejected", 1, "Reason", "CORRUPT")}. */
    public synchronized void count(String metric, long value, String dimension, String dimensionValue) {
        add(new Dimensions(Objects.requireNonNull(dimension), Objects.requireNonNull(dimensionValue)), metric, value);
    }

    /** Writes what was counted since the last flush, one EMF line per dimension set, and forgets it. */
    public synchronized void flush() {
        long timestamp = clock.millis();
        PrintStream stream = out.get();
        counts.forEach((dimensions, metrics) -> stream.println(document(timestamp, dimensions, metrics)));
        stream.flush();
        counts.clear();
    }

    private void add(Dimensions dimensions, String metric, long value) {
        if (metric == null || metric.isBlank() || metric.equals("Service") || metric.equals(dimensions.name())) {
            throw new IllegalArgumentException("Not a metric name: " + metric);
        }
        counts.computeIfAbsent(dimensions, d -> new LinkedHashMap<>()).merge(metric, value, Long::sum);
    }

    private String document(long timestamp, Dimensions dimensions, Map<String, Long> metrics) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode directive = root.putObject("_aws").put("Timestamp", timestamp).putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode dimensionSet = directive.putArray("Dimensions").addArray().add("Service");
        if (dimensions.name() != null) {
            dimensionSet.add(dimensions.name());
        }
        ArrayNode definitions = directive.putArray("Metrics");
        metrics.keySet().forEach(name -> definitions.addObject().put("Name", name).put("Unit", "Count"));
        root.put("Service", service);
        if (dimensions.name() != null) {
            root.put(dimensions.name(), dimensions.value());
        }
        metrics.forEach(root::put);
        return root.toString();
    }
}
