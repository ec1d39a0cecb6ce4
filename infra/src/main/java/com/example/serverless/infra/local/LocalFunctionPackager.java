package com.example.serverless.infra.local;

import com.example.serverless.localcloud.MiniStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Turns a JVM Lambda zip (classes at the root, jars in lib/, as Quarkus builds it for the java21 runtime)
 * into a provided.al2023 zip that runs the same code: adds AWS's Lambda Java runtime interface client and
 * a {@code bootstrap} that starts it with the template's handler string ({@code _HANDLER}). The classes and
 * resources at the zip's root move into {@code lib/function-classes.jar}, first on a class path of jars only:
 * class data sharing (AppCDS) refuses a class path holding a non-empty directory.
 * Emulators such as MiniStack run provided.al2023 functions as host processes but java21 only in Docker.
 */
public final class LocalFunctionPackager {

    /** AWS's advice for short-lived JVMs: stop at C1, serial GC (the JDK's class data archive is used by default). */
    public static final String FAST_START_FLAGS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
    /** Where a trained AOT cache sits in a local zip, beside the bootstrap. */
    static final String AOT_CACHE = "function.aot";
    /** The modification time every jar of an AOT-cached function gets, as touch -t reads it. */
    private static final String JAR_TIME = "202601010000.00";
    private static final boolean AOT_CAPABLE = Runtime.version().feature() >= 25;
    private static final String JNI_LIBRARY = "/lib/libaws-lambda-jni.so";
    static final String FUNCTION_CLASSES_JAR = "lib/function-classes.jar";

    private final Path runtimeInterfaceClientJars;
    private final Path javaHome;
    private final Path outputDirectory;
    private final AotTraining.Cloud trainingCloud;

    /**
     * @param runtimeInterfaceClientJars the client and its dependencies, named groupId.artifactId-version.jar
     * @param javaHome                   the JDK the bootstrap runs (the one running the deployer)
     * @param trainingCloud              where the AOT trainings' AWS calls go
     */
    public LocalFunctionPackager(Path runtimeInterfaceClientJars, Path javaHome, Path outputDirectory,
                                 AotTraining.Cloud trainingCloud) {
        this.runtimeInterfaceClientJars = runtimeInterfaceClientJars;
        this.javaHome = javaHome;
        this.outputDirectory = outputDirectory;
        this.trainingCloud = trainingCloud;
    }

    public Path repackage(String functionId, Path jvmZip) {
        return repackage(functionId, jvmZip, Optional.empty());
    }

    /**
     * The provided.al2023 zip, and, given a training plan and a JDK 25 or newer, with an AOT cache trained for it
     * ({@link AotTraining}) that the bootstrap then uses. The cache is kept per function under {@code aot-cache/} and
     * used again as long as the JVM zip, the bootstrap, the plan and the way of training are unchanged; on an older
     * JDK there is none.
     */
    public Path repackage(String functionId, Path jvmZip, Optional<AotTraining.Plan> training) {
        boolean aot = AOT_CAPABLE && training.isPresent();
        Path localZip = outputDirectory.resolve(functionId + "-provided.zip");
        try {
            Files.createDirectories(outputDirectory);
            Files.copy(jvmZip, localZip, StandardCopyOption.REPLACE_EXISTING);
            try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + localZip.toUri()),
                    Map.of("enablePosixFileAttributes", "true"))) {
                Path lib = zip.getPath("/lib");
                Files.createDirectories(lib);
                moveRootEntriesIntoJar(zip, zip.getPath("/" + FUNCTION_CLASSES_JAR));
                Set<String> present = artifactsIn(lib);
                for (Path jar : jars(runtimeInterfaceClientJars)) {
                    // The function's own copy of a shared artifact (aws-lambda-java-core) wins.
                    if (!present.contains(artifactOf(jar.getFileName().toString()))) {
                        Files.copy(jar, lib.resolve(jar.getFileName().toString()));
                    }
                }
                // The client unpacks its JNI library to one fixed path, /tmp/.libaws-lambda-jni.so: function processes
                // starting together overwrite it under each other and crash (SIGSEGV). Each zip carries its own copy,
                // loaded in place through the client's NativeClient.JNI property (see the bootstrap).
                try (FileSystem client = FileSystems.newFileSystem(runtimeInterfaceClientJar())) {
                    Files.copy(client.getPath("/jni/" + jniLibrary()), zip.getPath(JNI_LIBRARY),
                            StandardCopyOption.REPLACE_EXISTING);
                }
                Path bootstrap = zip.getPath("/bootstrap");
                Files.writeString(bootstrap, bootstrapScript(classPath(lib), aot));
                Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            if (aot) {
                trainedCache(functionId, jvmZip, localZip, training.get()).ifPresent(cache -> addToZip(localZip, cache, AOT_CACHE));
            }
            return localZip;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot repackage " + jvmZip + " for provided.al2023", e);
        }
    }

    String bootstrapScript() {
        return bootstrapScript("$LAMBDA_TASK_ROOT/lib/*", false);
    }

    /**
     * @param classPath the class path after {@code function-classes.jar}, each jar named: an AOT cache needs the class
     *                  path of its training, and a {@code lib/*} wildcard's order is the file system's
     */
    String bootstrapScript(String classPath, boolean aot) {
        // JDK 24+: Vert.x (Quarkus) resets thread locals by reflection, refused without the opens; the runtime
        // interface client loads its JNI library and Netty uses sun.misc.Unsafe, each a warning on every start.
        String opens = Runtime.version().feature() >= 24 ? " --add-opens java.base/java.lang=ALL-UNNAMED"
                + " --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow" : "";
        String aotCache = aot ? """
                # The AOT cache trained at packaging time (JDK 25+), when there is one: classes loaded and linked ahead.
                # It holds the jars' modification times, which the local cloud's unzip does not restore: every start
                # (the training's too) sets them to one fixed time.
                touch -c -m -t %s "$LAMBDA_TASK_ROOT"/lib/*.jar
                aot=""
                if [ -f "$LAMBDA_TASK_ROOT/%s" ]; then
                  aot=" -XX:AOTCache=$LAMBDA_TASK_ROOT/%s"
                fi
                """.formatted(JAR_TIME, AOT_CACHE, AOT_CACHE) : "";
        return """
                #!/bin/sh
                # Generated by the local deploy (LocalFunctionPackager), never edited: runs this JVM function as a
                # provided.al2023 custom runtime through AWS's Lambda Java runtime interface client.
                %s# LAMBDA_JVM_FLAGS replaces the fast-start flags (the cold-start benchmark compares them).
                : "${LAMBDA_JVM_FLAGS=%s%s}"
                # The local cloud serves TLS with its own certificate; %s names the trust store for it.
                set --
                if [ -n "${%s:-}" ]; then
                  set -- "-Djavax.net.ssl.trustStore=$%s" -Djavax.net.ssl.trustStoreType=PKCS12
                fi
                exec "%s/bin/java" $LAMBDA_JVM_FLAGS%s "$@" \\
                  -Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI="$LAMBDA_TASK_ROOT%s" \\
                  -cp "$LAMBDA_TASK_ROOT/%s:%s" \\
                  com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$_HANDLER"
                """.formatted(aotCache, FAST_START_FLAGS, aot ? "$aot" : "", MiniStack.TRUSTSTORE_ENV, MiniStack.TRUSTSTORE_ENV,
                MiniStack.TRUSTSTORE_ENV, javaHome, opens, JNI_LIBRARY, FUNCTION_CLASSES_JAR, classPath);
    }

    /** Every jar of lib/ but the function's classes, by name: a fixed order, the same in training and in every run. */
    private static String classPath(Path lib) throws IOException {
        try (Stream<Path> files = Files.list(lib)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".jar") && !("lib/" + name).equals(FUNCTION_CLASSES_JAR))
                    .sorted()
                    .map(name -> "$LAMBDA_TASK_ROOT/lib/" + name)
                    .collect(Collectors.joining(":"));
        }
    }

    /** The cache for this zip and plan: kept from an earlier packaging, or trained now on the zip unpacked. */
    private Optional<Path> trainedCache(String functionId, Path jvmZip, Path localZip, AotTraining.Plan plan) throws IOException {
        Path caches = outputDirectory.resolveSibling("aot-cache");
        Files.createDirectories(caches);
        String key = sha256(Files.readAllBytes(jvmZip), bootstrapOf(localZip).getBytes(StandardCharsets.UTF_8),
                plan.toString().getBytes(StandardCharsets.UTF_8), AotTraining.METHOD.getBytes(StandardCharsets.UTF_8),
                Runtime.version().toString().getBytes(StandardCharsets.UTF_8));
        Path cache = caches.resolve(functionId + "-" + key.substring(0, 16) + ".aot");
        if (Files.isRegularFile(cache)) {
            return Optional.of(cache);
        }
        System.getLogger(LocalFunctionPackager.class.getName()).log(System.Logger.Level.INFO,
                "Training an AOT cache for {0} on {1} events (once per build of the function)", functionId, plan.events().size());
        Path taskRoot = Files.createTempDirectory(caches, functionId + "-task");
        try {
            unzip(localZip, taskRoot);
            return AotTraining.train(taskRoot, plan, trainingCloud, cache, caches.resolve(functionId + "-training.log"));
        } finally {
            deleteTree(taskRoot);
        }
    }

    /** Every root entry but lib/ (classes, META-INF services, application.properties) into one jar, then removed. */
    private static void moveRootEntriesIntoJar(FileSystem zip, Path jar) throws IOException {
        List<Path> roots;
        try (Stream<Path> entries = Files.list(zip.getPath("/"))) {
            roots = entries.filter(path -> !path.getFileName().toString().equals("lib")).sorted().toList();
        }
        Path temporary = Files.createTempFile("function-classes", ".jar");
        try {
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temporary))) {
                for (Path root : roots) {
                    try (Stream<Path> tree = Files.walk(root)) {
                        for (Path path : tree.sorted().toList()) {
                            String name = path.toString().substring(1);
                            boolean directory = Files.isDirectory(path);
                            out.putNextEntry(new ZipEntry(directory ? name + "/" : name));
                            if (!directory) {
                                Files.copy(path, out);
                            }
                            out.closeEntry();
                        }
                    }
                }
            }
            Files.copy(temporary, jar, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.delete(temporary);
        }
        for (Path root : roots) {
            try (Stream<Path> tree = Files.walk(root)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static String bootstrapOf(Path zip) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(zip)) {
            return Files.readString(fs.getPath("/bootstrap"));
        }
    }

    private static void addToZip(Path zip, Path file, String name) {
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("enablePosixFileAttributes", "true"))) {
            Files.copy(file, fs.getPath("/" + name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot add " + file + " to " + zip, e);
        }
    }

    /** Unpacks as the local cloud does, the bootstrap executable. */
    private static void unzip(Path zip, Path target) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(zip); Stream<Path> entries = Files.walk(fs.getPath("/"))) {
            for (Path entry : entries.toList()) {
                Path destination = target.resolve(entry.toString().substring(1));
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(entry, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.setPosixFilePermissions(target.resolve("bootstrap"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String sha256(byte[]... parts) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path runtimeInterfaceClientJar() throws IOException {
        return jars(runtimeInterfaceClientJars).stream()
                .filter(jar -> artifactOf(jar.getFileName().toString()).equals("com.amazonaws.aws-lambda-java-runtime-interface-client"))
                .findFirst().orElseThrow(() -> new IllegalStateException("No runtime interface client jar in " + runtimeInterfaceClientJars));
    }

    /** The client's library for this machine (the local functions run on it, whatever the template's Architectures). */
    private static String jniLibrary() {
        return "aarch64".equals(System.getProperty("os.arch")) ? "libaws-lambda-jni.linux-aarch_64.so" : "libaws-lambda-jni.linux-x86_64.so";
    }

    private static Set<String> artifactsIn(Path lib) throws IOException {
        try (Stream<Path> files = Files.list(lib)) {
            return files.map(path -> artifactOf(path.getFileName().toString())).collect(Collectors.toSet());
        }
    }

    private static List<Path> jars(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("No runtime interface client jars at " + directory + "; run ./mvnw -pl infra package");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** "com.amazonaws.aws-lambda-java-core-1.4.0.jar" -> "com.amazonaws.aws-lambda-java-core". */
    static String artifactOf(String jarName) {
        return jarName.replaceFirst("-\\d[^/]*\\.jar$", "");
    }
}
