package com.example.serverless.infra.local;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;

import com.example.serverless.infra.deploy.SamTemplate;
import com.example.serverless.localcloud.MiniStack;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The todo function's local zip gets an AOT cache trained at packaging time, used again while nothing changed, and
 * taken by the JVM the bootstrap starts: the real function.zip, the real template's plan, a real JDK 25, and the
 * suite's MiniStack answering the training's calls.
 */
class AotTrainingIT {

    private static final Path TODO_ZIP = Path.of("../todo-api/target/function.zip");
    @TempDir
    static Path work;
    private static LocalFunctionPackager packager;
    private static Path localZip;
    private static AotTraining.Plan plan;

    @BeforeAll
    static void packageTheTodoFunction() {
        Assumptions.assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25 (this JVM: " + Runtime.version() + ")");
        Assumptions.assumeTrue(Files.isRegularFile(TODO_ZIP), "build todo-api first");
        SamTemplate template = SamTemplate.load(Path.of("template.yaml"));
        LocalTarget.runFunctionsAsHostProcesses(template);
        plan = LocalTarget.trainingPlan(template, "TodoFunction").orElseThrow();
        packager = new LocalFunctionPackager(Path.of("target/lambda-runtime-interface-client"),
                Path.of(System.getProperty("java.home")), work.resolve("local-functions"),
                AotTraining.Cloud.scratchAccountOf(MiniStack.shared()));
        localZip = packager.repackage("TodoFunction", TODO_ZIP, java.util.Optional.of(plan));
    }

    @Test
    void theLocalZipCarriesACacheTrainedOnTheFunctionsOwnEvents() throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(localZip)) {
            assertThat(Files.size(zip.getPath("/function.aot")), greaterThan(1_000_000L));
            assertThat(Files.readString(zip.getPath("/bootstrap")), containsString("-XX:AOTCache=$LAMBDA_TASK_ROOT/function.aot"));
        }
        assertThat("every training event was answered by the function", Files.readString(work.resolve("aot-cache/TodoFunction-training.log")),
                containsString("AOTCache creation is complete"));
    }

    @Test
    void theTrainingsQueryIsAnsweredByTheLocalCloudInAnAccountThatHoldsNothing() throws IOException {
        String log = Files.readString(work.resolve("aot-cache/TodoFunction-training.log"));

        assertThat("the query went over TLS to the local cloud and came back as an AWS error", log,
                containsString("ResourceNotFoundException"));
        assertThat(log, not(containsString("Connection refused")));
    }

    @Test
    void anUnchangedFunctionKeepsItsCache() throws IOException {
        Path cache;
        try (var caches = Files.list(work.resolve("aot-cache"))) {
            cache = caches.filter(p -> p.toString().endsWith(".aot")).findFirst().orElseThrow();
        }
        FileTime trained = Files.getLastModifiedTime(cache);
        long started = System.nanoTime();

        packager.repackage("TodoFunction", TODO_ZIP, java.util.Optional.of(plan));

        assertThat(Files.getLastModifiedTime(cache), equalTo(trained));
        assertThat("no second training", (System.nanoTime() - started) / 1_000_000_000L < 20, equalTo(true));
    }

    @Test
    void theBootstrapsJvmRunsFromTheCache(@TempDir Path taskRoot) throws Exception {
        try (FileSystem zip = FileSystems.newFileSystem(localZip); var entries = Files.walk(zip.getPath("/"))) {
            for (Path entry : entries.toList()) {
                Path target = taskRoot.resolve(entry.toString().substring(1));
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(entry, target);
                }
            }
        }
        taskRoot.resolve("bootstrap").toFile().setExecutable(true);
        Path log = taskRoot.resolve("run.log");
        try (TrainingRuntimeApi runtimeApi = new TrainingRuntimeApi(List.of(plan.events().getFirst()))) {
            ProcessBuilder builder = new ProcessBuilder(taskRoot.resolve("bootstrap").toString()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(plan.environment());
            builder.environment().put("LAMBDA_TASK_ROOT", taskRoot.toString());
            builder.environment().put("_HANDLER", plan.handler());
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
            builder.environment().put("AWS_REGION", "us-east-1");
            builder.environment().put("AWS_MAX_ATTEMPTS", "1");
            builder.environment().put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
            // The java launcher adds these to the bootstrap's own flags.
            builder.environment().put("JDK_JAVA_OPTIONS", "-Xlog:aot=info");
            Process process = builder.start();
            try {
                assertThat(runtimeApi.awaitAnswers(java.time.Duration.ofMinutes(1)), equalTo(true));
            } finally {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
        assertThat(Files.readString(log), containsString("Using AOT-linked classes: true"));
    }
}
