package com.example.serverless.infra.local;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.serverless.localcloud.LocalAccount;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repackaging a java21 zip as provided.al2023, on a small zip shaped as Quarkus builds it (classes at the root, jars in lib/). */
class LocalFunctionPackagerTest {

    /** Copied by the build (generate-resources): AWS's runtime interface client 2.9.0 and its dependencies. */
    private static final Path RUNTIME_INTERFACE_CLIENT = Path.of("target/lambda-runtime-interface-client");
    private static final byte[] HANDLER_CLASS = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 1, 2, 3};
    /** Never called: these tests package without a training plan. */
    private static final AotTraining.Cloud NO_TRAINING = new AotTraining.Cloud(URI.create("https://127.0.0.1:9"),
            Path.of("no-trust-store.p12"), new LocalAccount("000000000001", "000000000001", "test"));

    @TempDir
    Path dir;
    private Path jvmZip;
    private LocalFunctionPackager packager;

    @BeforeEach
    void buildAJvmZip() throws IOException {
        jvmZip = dir.resolve("function.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jvmZip))) {
            add(zip, "com/example/Handler.class", HANDLER_CLASS);
            add(zip, "META-INF/services/io.quarkus.Service", "com.example.Handler".getBytes(StandardCharsets.UTF_8));
            add(zip, "application.properties", "quarkus.lambda.handler=todo".getBytes(StandardCharsets.UTF_8));
            add(zip, "lib/com.amazonaws.aws-lambda-java-core-1.2.3.jar", "the function's own copy".getBytes(StandardCharsets.UTF_8));
            add(zip, "lib/io.quarkus.quarkus-core-3.34.1.jar", "quarkus".getBytes(StandardCharsets.UTF_8));
        }
        packager = new LocalFunctionPackager(RUNTIME_INTERFACE_CLIENT, Path.of("/opt/some-jdk"), dir.resolve("local-functions"),
                NO_TRAINING);
    }

    @Test
    void bootstrapIsAddedAndExecutable() throws IOException {
        Path local = packager.repackage("TodoFunction", jvmZip);

        assertThat(local, equalTo(dir.resolve("local-functions/TodoFunction-provided.zip")));
        try (FileSystem zip = open(local)) {
            assertThat(Files.getPosixFilePermissions(zip.getPath("/bootstrap")),
                    equalTo(PosixFilePermissions.fromString("rwxr-xr-x")));
            assertThat(Files.getPosixFilePermissions(zip.getPath("/bootstrap")), hasItem(PosixFilePermission.OTHERS_EXECUTE));
        }
    }

    @Test
    void bootstrapRunsTheTemplatesHandlerThroughTheRuntimeInterfaceClientWithOverridableFlags() throws IOException {
        String bootstrap;
        try (FileSystem zip = open(packager.repackage("TodoFunction", jvmZip))) {
            bootstrap = Files.readString(zip.getPath("/bootstrap"));
        }
        assertThat(bootstrap, startsWith("#!/bin/sh\n"));
        assertThat(bootstrap, containsString("exec \"/opt/some-jdk/bin/java\" $LAMBDA_JVM_FLAGS"));
        assertThat(bootstrap, containsString(": \"${LAMBDA_JVM_FLAGS=" + LocalFunctionPackager.FAST_START_FLAGS + "}\""));
        assertThat("no AOT cache without a training plan", bootstrap, not(containsString("AOTCache")));
        assertThat(bootstrap, containsString("com.amazonaws.services.lambda.runtime.api.client.AWSLambda \"$_HANDLER\""));
    }

    @Test
    void theClassPathIsJarsOnlyTheFunctionsFirstAndEveryOtherNamedInAFixedOrder() throws IOException {
        String bootstrap;
        try (FileSystem zip = open(packager.repackage("TodoFunction", jvmZip))) {
            bootstrap = Files.readString(zip.getPath("/bootstrap"));
        }
        // Class data sharing (AppCDS, AOT caches) refuses a non-empty directory and needs the training's class path:
        // a lib/* wildcard would list the jars in the file system's order.
        String classPath = bootstrap.substring(bootstrap.indexOf("-cp \"") + 5, bootstrap.indexOf('"', bootstrap.indexOf("-cp \"") + 5));
        List<String> entries = List.of(classPath.split(":"));
        assertThat(entries.getFirst(), equalTo("$LAMBDA_TASK_ROOT/lib/function-classes.jar"));
        assertThat(entries.subList(1, entries.size()), equalTo(entries.subList(1, entries.size()).stream().sorted().toList()));
        assertThat(entries, hasItems("$LAMBDA_TASK_ROOT/lib/io.quarkus.quarkus-core-3.34.1.jar",
                "$LAMBDA_TASK_ROOT/lib/com.amazonaws.aws-lambda-java-runtime-interface-client-2.9.0.jar"));
        assertThat(classPath, not(containsString("*")));
    }

    @Test
    void withATrainingPlanTheBootstrapUsesTheCacheWhenThereIsOne() {
        String bootstrap = packager.bootstrapScript("$LAMBDA_TASK_ROOT/lib/a.jar", true);

        assertThat(bootstrap, containsString("if [ -f \"$LAMBDA_TASK_ROOT/function.aot\" ]; then"));
        assertThat("the jars' times as the cache recorded them", bootstrap,
                containsString("touch -c -m -t 202601010000.00 \"$LAMBDA_TASK_ROOT\"/lib/*.jar"));
        assertThat(bootstrap, containsString("aot=\" -XX:AOTCache=$LAMBDA_TASK_ROOT/function.aot\""));
        assertThat(bootstrap, containsString(": \"${LAMBDA_JVM_FLAGS=" + LocalFunctionPackager.FAST_START_FLAGS + "$aot}\""));
    }

    @Test
    void runtimeInterfaceClientJarsAreAddedAndTheFunctionsOwnCopiesWin() throws IOException {
        List<String> lib;
        try (FileSystem zip = open(packager.repackage("TodoFunction", jvmZip)); Stream<Path> files = Files.list(zip.getPath("/lib"))) {
            lib = files.map(path -> path.getFileName().toString()).sorted().toList();
            assertThat(Files.readString(zip.getPath("/lib/com.amazonaws.aws-lambda-java-core-1.2.3.jar")),
                    equalTo("the function's own copy"));
        }
        assertThat(lib, hasItems("com.amazonaws.aws-lambda-java-runtime-interface-client-2.9.0.jar",
                "com.amazonaws.aws-lambda-java-serialization-1.2.0.jar", "io.quarkus.quarkus-core-3.34.1.jar",
                "com.amazonaws.aws-lambda-java-core-1.2.3.jar"));
        assertThat(lib, hasItem(startsWith("software.amazon.awssdk.utils-lite-")));
        assertThat(lib, not(hasItem("com.amazonaws.aws-lambda-java-core-1.4.0.jar")));
    }

    @Test
    void classesAndResourcesAtTheRootMoveUnchangedIntoAJarAndTheBuiltZipIsLeftAlone() throws IOException {
        byte[] before = Files.readAllBytes(jvmZip);
        try (FileSystem zip = open(packager.repackage("TodoFunction", jvmZip)); Stream<Path> root = Files.list(zip.getPath("/"))) {
            assertThat(root.map(path -> path.getFileName().toString()).sorted().toList(), equalTo(List.of("bootstrap", "lib")));
            try (FileSystem jar = FileSystems.newFileSystem(zip.getPath("/lib/function-classes.jar"))) {
                assertThat(Files.readAllBytes(jar.getPath("/com/example/Handler.class")), equalTo(HANDLER_CLASS));
                assertThat(Files.readString(jar.getPath("/META-INF/services/io.quarkus.Service")), equalTo("com.example.Handler"));
                assertThat(Files.readString(jar.getPath("/application.properties")), equalTo("quarkus.lambda.handler=todo"));
            }
        }
        assertThat(Files.readAllBytes(jvmZip), equalTo(before));
    }

    @Test
    void repackagingAgainReplacesThePreviousLocalZip() throws IOException {
        packager.repackage("TodoFunction", jvmZip);
        try (FileSystem zip = open(packager.repackage("TodoFunction", jvmZip)); Stream<Path> files = Files.list(zip.getPath("/lib"))) {
            assertThat(files.filter(path -> path.getFileName().toString().contains("runtime-interface-client")).count(), equalTo(1L));
        }
    }

    @Test
    void missingRuntimeInterfaceClientJarsAreReportedWithTheBuildStepThatCopiesThem() {
        LocalFunctionPackager withoutJars = new LocalFunctionPackager(dir.resolve("nothing-here"), Path.of("/opt/some-jdk"), dir, NO_TRAINING);
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> withoutJars.repackage("TodoFunction", jvmZip));
        assertThat(missing.getMessage(), containsString("nothing-here"));
        assertThat(missing.getMessage(), containsString("./mvnw -pl infra package"));
    }

    @Test
    void artifactIsTheJarNameWithoutItsVersion() {
        assertThat(LocalFunctionPackager.artifactOf("com.amazonaws.aws-lambda-java-core-1.4.0.jar"), equalTo("com.amazonaws.aws-lambda-java-core"));
        assertThat(LocalFunctionPackager.artifactOf("software.amazon.awssdk.utils-lite-2.54.13.jar"), equalTo("software.amazon.awssdk.utils-lite"));
        assertThat(LocalFunctionPackager.artifactOf("org.jboss.logging.jboss-logging-3.6.1.Final.jar"), equalTo("org.jboss.logging.jboss-logging"));
    }

    private static FileSystem open(Path zip) throws IOException {
        return FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("enablePosixFileAttributes", "true"));
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(content);
        zip.closeEntry();
    }
}
