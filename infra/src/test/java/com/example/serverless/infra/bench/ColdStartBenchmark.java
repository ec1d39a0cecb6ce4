package com.example.serverless.infra.bench;

import com.example.serverless.infra.deploy.SamTemplate;
import com.example.serverless.infra.deploy.TargetClients;
import com.example.serverless.infra.local.AotTraining;
import com.example.serverless.infra.local.LocalFunctionPackager;
import com.example.serverless.infra.local.LocalTarget;
import com.example.serverless.localcloud.MiniStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Per-invocation cold start on the local path (infra/bench/cold-start.sh): the todo function (Quarkus), a
 * framework-less {@link PlainHandler}, and {@link SdkHandler}, the todo function's DynamoDB query through the bare
 * SDK, all packaged as provided.al2023 by {@link LocalFunctionPackager} and run by MiniStack as host processes, under several JVM flag sets passed through the bootstrap's
 * LAMBDA_JVM_FLAGS. MiniStack keeps a warm worker for 300 s; each measured invocation follows an
 * UpdateFunctionConfiguration (a changed environment), which stops the worker, so it starts a new JVM. The
 * benchmark checks that it did. Figures are client-observed Invoke latencies: new process + JVM start +
 * init + first request (the zip is already extracted: a warm-up invocation precedes the measurements).
 */
public final class ColdStartBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE_NAME = "cold-start-benchmark";
    private static final String TABLE = "bench-todos";
    private static final String PLAIN = "plain handler";
    private static final String SDK = "SDK handler";

    private record Subject(String name, String functionName, Path zip, String handler, Map<String, String> environment) {
    }

    /** A flag set; "%function%" in the flags stands for the function's name; null flags: the bootstrap's own. */
    private record Variant(String name, String flags) {

        String flagsFor(Subject subject) {
            return flags == null ? null : flags.replace("%function%", subject.functionName());
        }

        boolean createsArchive() {
            return flags != null && flags.contains("AutoCreateSharedArchive");
        }
    }

    private record Sample(double coldMillis, double warmMillis) {
    }

    private static final String EVENT = """
                {"version":"2.0","routeKey":"ANY /todos","rawPath":"/todos","rawQueryString":"",
                 "headers":{"accept":"application/json","host":"bench.execute-api.us-east-1.amazonaws.com","x-forwarded-proto":"https"},
                 "requestContext":{"accountId":"000000000000","apiId":"bench","domainName":"bench.execute-api.us-east-1.amazonaws.com",
                  "authorizer":{"jwt":{"claims":{"sub":"5f0c3e1a-0000-4000-8000-000000000001","token_use":"access"},"scopes":null}},
                  "http":{"method":"GET","path":"/todos","protocol":"HTTP/1.1","sourceIp":"127.0.0.1","userAgent":"bench"},
                  "requestId":"bench","routeKey":"ANY /todos","stage":"$default","time":"01/Jan/2026:00:00:00 +0000","timeEpoch":1767225600000},
                 "isBase64Encoded":false}
                """;

    private ColdStartBenchmark() {
    }

    /** Arguments: the infra directory, the number of cold starts per function and flag set. */
    public static void main(String[] args) throws Exception {
        Path infra = Path.of(args[0]).toAbsolutePath();
        int runs = Integer.parseInt(args[1]);
        Path work = infra.resolve("target");
        Path benchDir = work.resolve("bench");
        Files.createDirectories(benchDir);
        try (MiniStack miniStack = MiniStack.start(benchDir.resolve("local-cloud"))) {
            LocalTarget target = new LocalTarget(miniStack, work.resolve("lambda-runtime-interface-client"), benchDir);
            TargetClients clients = new TargetClients(target);
            try (LambdaClient lambda = clients.lambda(); DynamoDbClient dynamoDb = clients.configure(DynamoDbClient.builder());
                 IamClient iam = clients.configure(IamClient.builder())) {
                createTodoTable(dynamoDb);
                String role = createRole(iam, dynamoDb.describeTable(b -> b.tableName(TABLE)).table().tableArn());
                // Both trained on the same GET /todos event the measurements send, as the local deploy trains every function.
                SamTemplate template = SamTemplate.load(infra.resolve("template.yaml"));
                AotTraining.Plan todoPlan = LocalTarget.trainingPlan(template, "TodoFunction").orElseThrow();
                AotTraining.Plan plainPlan = new AotTraining.Plan(PlainHandler.class.getName() + "::handleRequest", Map.of(),
                        List.of(EVENT));
                Map<String, String> sdkEnvironment = Map.of("TODO_TABLE_NAME", TABLE);
                AotTraining.Plan sdkPlan = new AotTraining.Plan(SdkHandler.class.getName() + "::handleRequest",
                        sdkEnvironment, List.of(EVENT));
                List<Subject> subjects = List.of(
                        new Subject("todo (Quarkus)", "bench-todo",
                                target.packager().repackage("BenchTodo", infra.resolveSibling("todo-api/target/function.zip"),
                                        Optional.of(todoPlan)),
                                "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest",
                                // The cursor keys' secret is read when a cursor is first signed: an empty page signs none.
                                Map.of("TODO_TABLE_NAME", TABLE, "TODO_ATTACHMENTS_BUCKET", "bench-attachments",
                                        "TODO_CURSOR_KEYS_SECRET", "bench-cursor-keys")),
                        new Subject(PLAIN, "bench-plain",
                                target.packager().repackage("BenchPlain",
                                        handlerZip(benchDir, PlainHandler.class, List.of()), Optional.of(plainPlan)),
                                PlainHandler.class.getName() + "::handleRequest", Map.of()),
                        new Subject(SDK, "bench-sdk",
                                target.packager().repackage("BenchSdk",
                                        handlerZip(benchDir, SdkHandler.class, dynamoDbClientJars()), Optional.of(sdkPlan)),
                                SdkHandler.class.getName() + "::handleRequest", sdkEnvironment));
                // -Dbench.todo-without-snapstart-preload=<zip>: the todo function built with -Dquarkus.snapstart.enabled=false
                // (no class preloading at init, which only a SnapStart snapshot pays back), measured beside the rest.
                String withoutPreload = System.getProperty("bench.todo-without-snapstart-preload");
                if (withoutPreload != null) {
                    subjects = new ArrayList<>(subjects);
                    subjects.add(new Subject("todo, no preload", "bench-todo-nopreload",
                            target.packager().repackage("BenchTodoNoPreload", Path.of(withoutPreload), Optional.of(todoPlan)),
                            subjects.getFirst().handler(), subjects.getFirst().environment()));
                }
                for (Subject subject : subjects) {
                    Files.deleteIfExists(Path.of(archive(subject.functionName())));
                    create(lambda, subject, role);
                    invoke(lambda, subject); // extracts the zip once, as every later start finds it
                }
                Map<Subject, Map<String, List<Sample>>> samples = measure(lambda, subjects, runs);
                print(samples, runs);
            }
        }
    }

    /**
     * The flag sets compared. AppCDS works because the packager's class path holds jars only: the first start
     * with AutoCreateSharedArchive finds no archive and writes one when the JVM exits (see writeArchive); that
     * start is reported apart as "archive creation", later starts map the archive.
     */
    private static List<Variant> variants() {
        return List.of(
                new Variant("JVM defaults", "-Xshare:auto"),
                new Variant("C1, SerialGC", LocalFunctionPackager.FAST_START_FLAGS),
                new Variant("C1, SerialGC, AppCDS", LocalFunctionPackager.FAST_START_FLAGS
                        + " -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=" + archive("%function%")),
                new Variant("C1, SerialGC, AOT cache (bootstrap)", null));
    }

    private static String archive(String functionName) {
        return "/tmp/" + functionName + "-cds.jsa";
    }

    private static Map<Subject, Map<String, List<Sample>>> measure(LambdaClient lambda, List<Subject> subjects, int runs) {
        Map<Subject, Map<String, List<Sample>>> samples = new LinkedHashMap<>();
        // Round-robin, so that drift on a shared machine spreads over every flag set alike.
        for (int run = 1; run <= runs; run++) {
            for (Subject subject : subjects) {
                for (Variant variant : variants()) {
                    boolean createsArchive = variant.createsArchive() && run == 1;
                    String name = createsArchive ? variant.name() + ": archive creation" : variant.name();
                    configure(lambda, subject, variant.flagsFor(subject), "run-" + run);
                    Set<Long> before = functionJvms();
                    long start = System.nanoTime();
                    invoke(lambda, subject);
                    double cold = (System.nanoTime() - start) / 1e6;
                    List<ProcessHandle> started = ProcessHandle.current().descendants()
                            .filter(process -> isFunctionJvm(process) && !before.contains(process.pid())).toList();
                    if (started.isEmpty()) {
                        throw new IllegalStateException(subject.name() + ", " + variant.name() + ": no new JVM was started");
                    }
                    start = System.nanoTime();
                    invoke(lambda, subject);
                    double warm = (System.nanoTime() - start) / 1e6;
                    if (createsArchive) {
                        writeArchive(subject, started);
                    }
                    samples.computeIfAbsent(subject, k -> new LinkedHashMap<>())
                            .computeIfAbsent(name, k -> new ArrayList<>()).add(new Sample(cold, warm));
                    System.err.printf("run %d/%d %-16s %-40s cold %6.0f ms  warm %5.0f ms%n", run, runs, subject.name(),
                            name, cold, warm);
                }
            }
        }
        return samples;
    }

    /** Under enforced IAM the todo function needs a role that may query its table. */
    private static String createRole(IamClient iam, String tableArn) {
        String arn = iam.createRole(b -> b.roleName(ROLE_NAME).assumeRolePolicyDocument("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                  "Action": "sts:AssumeRole"}]}""")).role().arn();
        iam.putRolePolicy(b -> b.roleName(ROLE_NAME).policyName("query-the-table").policyDocument("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "dynamodb:Query", "Resource": "%s"}]}
                """.formatted(tableArn)));
        return arn;
    }

    private static void create(LambdaClient lambda, Subject subject, String role) throws IOException {
        byte[] zip = Files.readAllBytes(subject.zip());
        lambda.createFunction(b -> b.functionName(subject.functionName()).runtime(LocalTarget.PROVIDED_RUNTIME).role(role)
                .handler(subject.handler()).memorySize(1024).timeout(60)
                .environment(e -> e.variables(subject.environment()))
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(subject.functionName()),
                wait -> wait.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(200))));
    }

    /** A changed environment stops the warm worker: the next invocation starts a new JVM with these flags. */
    private static void configure(LambdaClient lambda, Subject subject, String jvmFlags, String round) {
        Map<String, String> environment = new LinkedHashMap<>(subject.environment());
        if (jvmFlags != null) {
            environment.put("LAMBDA_JVM_FLAGS", jvmFlags);
        }
        environment.put("BENCH_ROUND", round);
        lambda.updateFunctionConfiguration(b -> b.functionName(subject.functionName()).environment(e -> e.variables(environment)));
        lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(subject.functionName()),
                wait -> wait.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(200))));
    }

    /** GET /todos as the HTTP API delivers it after its JWT authorizer: a query on an empty partition. */
    private static void invoke(LambdaClient lambda, Subject subject) {
        String event = EVENT;
        InvokeResponse response = lambda.invoke(b -> b.functionName(subject.functionName()).payload(SdkBytes.fromUtf8String(event)));
        String payload = response.payload().asUtf8String();
        try {
            JsonNode answer = JSON.readTree(payload);
            if (response.functionError() != null || answer.path("statusCode").asInt() != 200) {
                throw new IllegalStateException(subject.name() + " answered " + response.functionError() + " " + payload);
            }
        } catch (IOException e) {
            throw new IllegalStateException(subject.name() + " answered " + payload, e);
        }
    }

    /**
     * Stops the worker that started without an archive with SIGTERM and waits for it: the JVM writes the archive
     * as it exits. MiniStack stops workers the same way but SIGKILLs them after 2 s, before Quarkus's shutdown
     * and the dump are done (≈ 2.6 s measured), so left to MiniStack the archive is never written.
     */
    private static void writeArchive(Subject subject, List<ProcessHandle> workers) {
        long start = System.nanoTime();
        workers.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // Not our children: an exited worker stays a zombie (no command line) until MiniStack reaps it.
        while (workers.stream().anyMatch(worker -> worker.isAlive() && worker.info().commandLine().isPresent())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(subject.name() + ": the worker did not exit within 60 s of SIGTERM");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        Path archive = Path.of(archive(subject.functionName()));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException(subject.name() + ": the JVM wrote no CDS archive on exit");
        }
        System.err.printf("%s: SIGTERM to exit with the CDS archive written: %.0f ms (%d MB)%n", subject.name(),
                (System.nanoTime() - start) / 1e6, archive.toFile().length() >> 20);
    }

    /** The JVMs the bootstrap started (the runtime interface client's JNI flag), below this process. */
    private static Set<Long> functionJvms() {
        return ProcessHandle.current().descendants().filter(ColdStartBenchmark::isFunctionJvm)
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /** By the flag the bootstrap puts before the class path: the JDK reads at most 4 KB of a command line. */
    private static boolean isFunctionJvm(ProcessHandle process) {
        return process.info().commandLine().orElse("").contains("runtime.api.client.runtimeapi.NativeClient.JNI=");
    }

    private static void createTodoTable(DynamoDbClient dynamoDb) {
        dynamoDb.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("ownerId").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("ownerId").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE)));
    }

    /**
     * A handler's zip as a build would make it: its class at the root and its jars under lib/ (aws-lambda-java-core
     * comes with the runtime interface client).
     */
    private static Path handlerZip(Path benchDir, Class<?> handler, List<Path> jars) throws IOException {
        String entry = handler.getName().replace('.', '/') + ".class";
        Path zip = benchDir.resolve(handler.getSimpleName() + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
             var classFile = handler.getResourceAsStream("/" + entry)) {
            out.putNextEntry(new ZipEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
            for (Path jar : jars) {
                out.putNextEntry(new ZipEntry("lib/" + jar.getFileName()));
                Files.copy(jar, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    /**
     * The DynamoDB client and the SDK's core, from this benchmark's own class path: every SDK jar but the other
     * services' clients (a jar with classes under software/amazon/awssdk/services/), the URL connection client among
     * them, and the two libraries the core needs (Reactive Streams, the SLF4J API).
     */
    private static List<Path> dynamoDbClientJars() throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            String path = jar.toString().replace('\\', '/');
            boolean sdk = path.contains("/software/amazon/awssdk/");
            if (sdk && (!holdsAServiceClient(jar) || path.contains("/software/amazon/awssdk/dynamodb/"))
                    || path.contains("/org/reactivestreams/") || path.contains("/org/slf4j/slf4j-api/")) {
                jars.add(jar);
            }
        }
        return jars;
    }

    private static boolean holdsAServiceClient(Path jar) throws IOException {
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            return zip.stream().anyMatch(entry -> entry.getName().startsWith("software/amazon/awssdk/services/"));
        }
    }

    private static void print(Map<Subject, Map<String, List<Sample>>> samples, int runs) {
        StringBuilder out = new StringBuilder();
        out.append("%nCold start per invocation on MiniStack (provided.al2023, runtime interface client 2.9.0), JDK %s, %d runs each%n"
                .formatted(Runtime.version().feature(), runs));
        out.append("%-16s %-40s %8s %8s %8s %12s%n".formatted("function", "JVM flags", "median", "min", "max", "warm median"));
        Map<String, Map<String, Double>> medians = new LinkedHashMap<>();
        samples.forEach((subject, byVariant) -> byVariant.forEach((variant, list) -> {
            List<Double> cold = list.stream().map(Sample::coldMillis).sorted().toList();
            double median = median(cold);
            medians.computeIfAbsent(subject.name(), k -> new LinkedHashMap<>()).put(variant, median);
            out.append("%-16s %-40s %6.0f ms %5.0f ms %5.0f ms %9.0f ms%n".formatted(subject.name(), variant, median,
                    cold.getFirst(), cold.getLast(), median(list.stream().map(Sample::warmMillis).sorted().toList())));
        }));
        out.append("%nRatios of medians%n".formatted());
        List<String> names = new ArrayList<>(medians.keySet());
        Map<String, Double> todo = medians.get(names.get(0));
        Map<String, Double> plain = medians.get(PLAIN);
        Map<String, Double> sdk = medians.get(SDK);
        String baseline = variants().getFirst().name();
        for (Variant variant : variants()) {
            String v = variant.name();
            out.append("  %-40s todo / plain = %4.1fx   todo / SDK = %4.1fx   SDK / plain = %4.1fx   todo vs JVM defaults = %4.2fx   plain vs JVM defaults = %4.2fx%n"
                    .formatted(v, todo.get(v) / plain.get(v), todo.get(v) / sdk.get(v), sdk.get(v) / plain.get(v),
                            todo.get(v) / todo.get(baseline), plain.get(v) / plain.get(baseline)));
        }
        System.out.print(out);
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
