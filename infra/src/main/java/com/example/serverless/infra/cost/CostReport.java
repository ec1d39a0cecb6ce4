package com.example.serverless.infra.cost;

import com.example.serverless.infra.aws.AwsTarget;
import com.example.serverless.infra.deploy.DeployTarget;
import com.example.serverless.infra.deploy.TargetClients;
import com.example.serverless.infra.local.LocalTarget;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Prices a deployed stack's functions from what Lambda measured: the REPORT line of every invocation in each
 * function's log group (Duration, Billed Duration, Memory Size, Max Memory Used, Init Duration), at Lambda's
 * documented prices ({@link LambdaPrices}), per million invocations and for the invocations logged so far.
 */
public final class CostReport {

    private CostReport() {
    }

    /**
     * {@code local}: the stack ./run-local.sh is running (it leaves its endpoint in target/run-local/stack.properties);
     * {@code aws STACK}: a stack on AWS, with the SDK's default region and credentials.
     */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length == 2 && args[0].equals("local")) {
            java.util.Properties running = new java.util.Properties();
            try (var in = java.nio.file.Files.newBufferedReader(Path.of(args[1]))) {
                running.load(in);
            }
            System.setProperty("javax.net.ssl.trustStore", running.getProperty("truststore"));
            DeployTarget local = new RunningLocalStack(URI.create(running.getProperty("endpoint")));
            System.out.print(format("Cost of the local stack's invocations so far (local figures: MiniStack's durations "
                    + "include process start and queueing)", read(new TargetClients(local), running.getProperty("stack"))));
        } else if (args.length == 3 && args[0].equals("aws")) {
            System.out.print(format("Cost of stack " + args[2] + "'s logged invocations (AWS)",
                    read(new TargetClients(new AwsTarget()), args[2])));
        } else {
            throw new IllegalArgumentException("Usage: CostReport local <stack.properties> | CostReport aws - <stack name>");
        }
    }

    /** The stack ./run-local.sh runs, reached as the account's root. */
    private record RunningLocalStack(URI url) implements DeployTarget {

        @Override
        public String name() {
            return "MiniStack at " + url;
        }

        @Override
        public Optional<URI> endpoint() {
            return Optional.of(url);
        }

        @Override
        public Region region() {
            return LocalTarget.REGION;
        }

        @Override
        public AwsCredentialsProvider credentials() {
            return new LocalTarget.RootCredentials();
        }
    }

    public static List<FunctionCost> read(TargetClients clients, String stackName) {
        List<FunctionCost> costs = new ArrayList<>();
        try (CloudFormationClient cloudFormation = clients.cloudFormation();
             CloudWatchLogsClient logs = clients.configure(CloudWatchLogsClient.builder())) {
            for (StackResourceSummary resource : cloudFormation.listStackResourcesPaginator(b -> b.stackName(stackName))
                    .stackResourceSummaries()) {
                if ("AWS::Lambda::Function".equals(resource.resourceType())) {
                    costs.add(FunctionCost.of(resource.logicalResourceId(), reportLines(logs, resource.physicalResourceId())));
                }
            }
        }
        return costs;
    }

    private static List<ReportLine> reportLines(CloudWatchLogsClient logs, String functionName) {
        List<ReportLine> lines = new ArrayList<>();
        try {
            for (FilteredLogEvent event : logs.filterLogEventsPaginator(b -> b.logGroupName("/aws/lambda/" + functionName)
                    .filterPattern("REPORT")).events()) {
                ReportLine.parse(event.message()).ifPresent(lines::add);
            }
        } catch (ResourceNotFoundException neverInvoked) {
            // no log group: no invocation yet
        }
        return lines;
    }

    /**
     * A table: per function, what was measured and the dollars per million invocations on x86_64 and arm64. A
     * function never invoked has no figures ("-"), nor has a Max Memory Used of 0 (MiniStack's for host processes).
     */
    public static String format(String title, List<FunctionCost> costs) {
        int width = Math.max("function".length(), costs.stream().mapToInt(cost -> cost.function().length()).max().orElse(0));
        String row = "%-" + width + "s %8s %10s %10s %7s %8s %6s %9s %12s %12s%n";
        StringBuilder out = new StringBuilder(title).append('\n');
        out.append(String.format(Locale.ROOT, row, "function", "invokes", "mean ms", "billed ms", "MB", "max MB", "cold",
                "init ms", "$/1M x86", "$/1M arm64"));
        double x86 = 0;
        double arm = 0;
        for (FunctionCost cost : costs) {
            if (cost.invocations() == 0) {
                out.append(String.format(Locale.ROOT, row, cost.function(), 0, "-", "-", "-", "-", "-", "-", "-", "-"));
                continue;
            }
            out.append(String.format(Locale.ROOT, row, cost.function(), cost.invocations(),
                    number("%.1f", cost.meanDurationMillis()), number("%.1f", cost.meanBilledMillis()), cost.memorySizeMb(),
                    cost.maxMemoryUsedMb() == 0 ? "-" : cost.maxMemoryUsedMb(), cost.coldStarts(),
                    cost.meanInitMillis().isPresent() ? number("%.0f", cost.meanInitMillis().getAsDouble()) : "-",
                    number("%.2f", cost.perMillion(LambdaPrices.X86_64)), number("%.2f", cost.perMillion(LambdaPrices.ARM64))));
            x86 += cost.total(LambdaPrices.X86_64);
            arm += cost.total(LambdaPrices.ARM64);
        }
        out.append(String.format(Locale.ROOT, "these %d invocations: $%.6f on x86_64, $%.6f on arm64 "
                        + "(requests $%.2f/1M; GB-s $%.10f x86_64, $%.10f arm64; us-east-1, no free tier)%n",
                costs.stream().mapToInt(FunctionCost::invocations).sum(), x86, arm, LambdaPrices.PER_MILLION_REQUESTS,
                LambdaPrices.X86_64.perGbSecond(), LambdaPrices.ARM64.perGbSecond()));
        return out.toString();
    }

    private static String number(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
