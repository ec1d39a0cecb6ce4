package com.example.serverless.infra.local;

import com.example.serverless.localcloud.MiniStack;
import com.example.serverless.localcloud.TrustStore;
import java.io.IOException;
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

    /** AWS's advice for short-lived JVMs: stop at C1, share the class data archive, serial GC. */
    public static final String FAST_START_FLAGS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Xshare:auto -XX:+UseSerialGC";
    private static final String JNI_LIBRARY = "/lib/libaws-lambda-jni.so";
    static final String FUNCTION_CLASSES_JAR = "lib/function-classes.jar";

    private final Path runtimeInterfaceClientJars;
    private final Path javaHome;
    private final Path outputDirectory;

    /**
     * @param runtimeInterfaceClientJars the client and its dependencies, named groupId.artifactId-version.jar
     * @param javaHome                   the JDK the bootstrap runs (the one running the deployer)
     */
    public LocalFunctionPackager(Path runtimeInterfaceClientJars, Path javaHome, Path outputDirectory) {
        this.runtimeInterfaceClientJars = runtimeInterfaceClientJars;
        this.javaHome = javaHome;
        this.outputDirectory = outputDirectory;
    }

    public Path repackage(String functionId, Path jvmZip) {
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
                Files.writeString(bootstrap, bootstrapScript());
                Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return localZip;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot repackage " + jvmZip + " for provided.al2023", e);
        }
    }

    String bootstrapScript() {
        // JDK 24+: Vert.x (Quarkus) resets thread locals by reflection, refused without the opens; the runtime
        // interface client loads its JNI library and Netty uses sun.misc.Unsafe, each a warning on every start.
        String opens = Runtime.version().feature() >= 24 ? " --add-opens java.base/java.lang=ALL-UNNAMED"
                + " --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow" : "";
        return """
                #!/bin/sh
                # Generated by the local deploy (LocalFunctionPackager), never edited: runs this JVM function as a
                # provided.al2023 custom runtime through AWS's Lambda Java runtime interface client.
                # LAMBDA_JVM_FLAGS replaces the fast-start flags (the cold-start benchmark compares them).
                : "${LAMBDA_JVM_FLAGS=%s}"
                # The local cloud serves TLS with its own certificate; %s names the trust store for it.
                set --
                if [ -n "${%s:-}" ]; then
                  set -- "-Djavax.net.ssl.trustStore=$%s" -Djavax.net.ssl.trustStoreType=PKCS12 \\
                    -Djavax.net.ssl.trustStorePassword=%s
                fi
                exec "%s/bin/java" $LAMBDA_JVM_FLAGS%s "$@" \\
                  -Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI="$LAMBDA_TASK_ROOT%s" \\
                  -cp "$LAMBDA_TASK_ROOT/%s:$LAMBDA_TASK_ROOT/lib/*" \\
                  com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$_HANDLER"
                """.formatted(FAST_START_FLAGS, MiniStack.TRUSTSTORE_ENV, MiniStack.TRUSTSTORE_ENV, MiniStack.TRUSTSTORE_ENV,
                TrustStore.PASSWORD, javaHome, opens, JNI_LIBRARY, FUNCTION_CLASSES_JAR);
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
