package com.example.serverless.infra.e2e;

import com.example.serverless.infra.deploy.DeployTarget;
import com.example.serverless.infra.deploy.Deployment;
import com.example.serverless.infra.deploy.StackDeployer;
import com.example.serverless.infra.deploy.StackOutputs;
import com.example.serverless.infra.cost.CostReport;
import com.example.serverless.infra.deploy.TargetClients;
import com.example.serverless.infra.local.LocalTarget;
import com.example.serverless.localcloud.MiniStack;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.regions.Region;

/**
 * The stack under test, deployed once per test run and shared by every E2E class: {@code -De2e.target=local}
 * (default) starts MiniStack and deploys infra/template.yaml to it; {@code localstack} starts LocalStack with
 * Testcontainers and deploys the same template with the java21 runtime ({@link LocalStackE2e}); {@code aws} reads
 * the Outputs of a stack sam deploy made ({@link AwsE2e}, {@code -De2e.stack=NAME}). Test classes take a
 * {@link Stack} parameter.
 */
public final class E2eStack implements ExecutionCondition, ParameterResolver {

    /** The second region of the blog's global tables (BlogReplicaRegion) on the local and LocalStack deploys. */
    public static final Region LOCAL_BLOG_REPLICA_REGION = Region.EU_WEST_1;

    /** What a test sees: where to send requests and the stack's Outputs; {@code stop} ends what the run started. */
    public record Stack(String targetName, DeployTarget target, StackOutputs outputs, Optional<MiniStack> miniStack,
                        Runnable stop) implements AutoCloseable {

        public TargetClients clients() {
            return new TargetClients(target);
        }

        public URI apiBaseUrl() {
            return target.httpApiBaseUrl(outputs.get("ApiUrl"));
        }

        public boolean isLocal() {
            return miniStack.isPresent();
        }

        /** The value the stack was deployed with for one of the template's parameters. */
        public String parameter(String name) {
            try (var cloudFormation = clients().cloudFormation()) {
                return cloudFormation.describeStacks(b -> b.stackName(outputs.stackName())).stacks().getFirst()
                        .parameters().stream().filter(p -> p.parameterKey().equals(name)).findFirst().orElseThrow()
                        .parameterValue();
            }
        }

        /** Prints what this run's invocations cost (from the functions' REPORT lines), then ends what the run started. */
        @Override
        public void close() {
            try {
                String report = CostReport.format("Cost of this E2E run's invocations on " + targetName
                        + (isLocal() ? " (local figures: MiniStack's durations include process start and queueing)" : ""),
                        CostReport.read(clients(), outputs.stackName()));
                System.out.println(report);
                Files.writeString(Path.of(System.getProperty("infra.dir", ".")).resolve("target/e2e-cost-report.txt"), report);
            } catch (RuntimeException | java.io.IOException e) {
                System.getLogger(E2eStack.class.getName()).log(System.Logger.Level.WARNING, "No cost report: {0}", e.toString());
            } finally {
                stop.run();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Stack.class;
    }

    /**
     * Deploys (once per run) when the first class is evaluated: a target that cannot run here (no Docker engine)
     * disables every class with the reason, reported as skipped; aborting in a parameter resolver would be an
     * error, and aborting in a callback would report no tests at all. A failed deploy stays an error.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return deployed(context).failure() instanceof TestAbortedException aborted
                ? ConditionEvaluationResult.disabled(aborted.getMessage())
                : ConditionEvaluationResult.enabled("the stack is deployed, or its deploy failed (reported by each class)");
    }

    @Override
    public Stack resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return deployed(context).get();
    }

    private static Deployed deployed(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Deployed.class, key -> Deployed.attempt(), Deployed.class);
    }

    /** The stack, or why there is none: a failed or skipped deploy is reported to every class, not retried by each. */
    private record Deployed(Stack stack, RuntimeException failure) implements AutoCloseable {

        static Deployed attempt() {
            try {
                return new Deployed(deploy(), null);
            } catch (TestAbortedException e) {
                // Also on the console: Surefire keeps a skip's reason in its reports only.
                System.getLogger(E2eStack.class.getName()).log(System.Logger.Level.WARNING,
                        "Every E2E test is skipped: {0}", e.getMessage());
                return new Deployed(null, e);
            } catch (RuntimeException e) {
                return new Deployed(null, e);
            }
        }

        Stack get() {
            if (failure != null) {
                throw failure;
            }
            return stack;
        }

        @Override
        public void close() {
            if (stack != null) {
                stack.close();
            }
        }
    }

    private static Stack deploy() {
        String target = System.getProperty("e2e.target", "local");
        return switch (target) {
            case "local" -> deployToMiniStack();
            case "localstack" -> LocalStackE2e.deploy(infraDir());
            case "aws" -> AwsE2e.read();
            default -> throw new IllegalArgumentException("Unknown e2e.target " + target + " (local, localstack, aws)");
        };
    }

    private static Path infraDir() {
        return Path.of(System.getProperty("infra.dir", ".")).toAbsolutePath();
    }

    private static Stack deployToMiniStack() {
        Path infra = infraDir();
        Path work = infra.resolve("target");
        MiniStack miniStack = MiniStack.shared();
        try {
            LocalTarget target = new LocalTarget(miniStack, Path.of(System.getProperty("lambda-ric.dir",
                    work.resolve("lambda-runtime-interface-client").toString())), work);
            Path template = infra.resolve("template.yaml");
            Map<String, String> parameters = new TreeMap<>(LocalTarget.parameters());
            // MiniStack accepts a visibility timeout below the function timeout (AWS does not): the poison message
            // of MetadataSyncIT reaches the DLQ after 5 x 10 s instead of 5 x 185 s. Recorded in the fidelity table.
            parameters.put("MetadataQueueVisibilityTimeout", "10");
            // The same for ThumbnailIT's storage failure: in ThumbnailDlq after 3 x 10 s.
            parameters.put("ThumbnailQueueVisibilityTimeout", "10");
            // BlogLedgerSweepIT waits for a run of the real schedule.
            parameters.put("LedgerSweepSchedule", "rate(1 minute)");
            // TodoReminderIT waits for the schedule to fire: every minute instead of daily at 07:00.
            parameters.put("TodoReminderSchedule", TodoReminderIT.LOCAL_SCHEDULE);
            // The blog's tables deployed as global tables with a second replica, as a team with readers abroad would.
            parameters.put("BlogReplicaRegion", LOCAL_BLOG_REPLICA_REGION.id());
            StackOutputs outputs = new StackDeployer(target).deploy(new Deployment("e2e", template,
                    parameters, "e2e-deployment", Duration.ofMinutes(5)));
            return new Stack("local", target, outputs, Optional.of(miniStack), miniStack::close);
        } catch (RuntimeException e) {
            miniStack.close();
            throw e;
        }
    }
}
