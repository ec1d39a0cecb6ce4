package com.example.serverless.localcloud;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * A Python venv holding exactly the pins of one requirements text, in the build's one venv location
 * ({@value #HOME_PROPERTY}, which the parent POM sets to {@code <root>/target/python}) under
 * {@code <name>-<hash of the pins>}: every module of a build shares it, and a change of pins gets a new one.
 * Installation holds a file lock, so two JVMs never install the same venv at once. Python 3.10+ is the build's one
 * prerequisite besides the JDK: {@code python3}, or {@code -Dlocal-cloud.python=/path/to/python3}.
 */
public final class PythonVenv {

    public static final String HOME_PROPERTY = "local-cloud.python-home";
    private static final System.Logger LOG = System.getLogger(PythonVenv.class.getName());
    private static final String INSTALLED_MARKER = "installed-requirements.txt";

    private final Path home;

    private PythonVenv(Path home) {
        this.home = home;
    }

    /** The venv for these pins in the build's venv location, installed if it is not there yet. */
    public static PythonVenv install(String name, String requirements, String purpose) {
        return install(location(), name, requirements, purpose);
    }

    static PythonVenv install(Path location, String name, String requirements, String purpose) {
        Path home = location.resolve(name + "-" + shortHash(requirements));
        Path marker = home.resolve(INSTALLED_MARKER);
        try {
            Files.createDirectories(location);
            try (FileChannel lockFile = FileChannel.open(location.resolve(name + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
                if (Files.isRegularFile(marker) && Files.readString(marker).equals(requirements)) {
                    return new PythonVenv(home);
                }
                String python = System.getProperty("local-cloud.python", "python3");
                requirePython310(python, purpose);
                Path requirementsFile = location.resolve(name + "-requirements.txt");
                Files.writeString(requirementsFile, requirements);
                Path installLog = location.resolve(name + "-install.log");
                LOG.log(System.Logger.Level.INFO, "Installing {0} into {1} (log: {2})", name, home, installLog);
                run(installLog, python, "-m", "venv", "--clear", home.toString());
                run(installLog, home.resolve("bin/pip").toString(), "install", "--disable-pip-version-check", "--quiet",
                        "-r", requirementsFile.toString());
                Files.writeString(marker, requirements);
                return new PythonVenv(home);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install " + name + " into " + home, e);
        }
    }

    /** The build's venv location: {@value #HOME_PROPERTY}, or {@code target/python} under the working directory. */
    public static Path location() {
        return Path.of(System.getProperty(HOME_PROPERTY, "target/python")).toAbsolutePath();
    }

    public Path home() {
        return home;
    }

    /** An executable of the venv: {@code python}, {@code pip}, or a script a package installed. */
    public Path bin(String executable) {
        return home.resolve("bin").resolve(executable);
    }

    /** A text resource on the class path (requirements, scripts run with a venv's Python). */
    public static String resource(String name) {
        try (InputStream in = PythonVenv.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String shortHash(String requirements) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(requirements.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requirePython310(String python, String purpose) {
        String message = "The build needs Python 3.10 or newer as '" + python
                + "' (set -Dlocal-cloud.python=/path/to/python3 to use another one): " + purpose + ".";
        try {
            Process check = new ProcessBuilder(python, "-c", "import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)")
                    .redirectErrorStream(true).start();
            check.getInputStream().transferTo(OutputStream.nullOutputStream());
            if (check.waitFor() != 0) {
                throw new IllegalStateException(message + " The one found is older.");
            }
        } catch (IOException e) {
            throw new IllegalStateException(message + " None was found.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(message, e);
        }
    }

    private static void run(Path log, String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("'" + String.join(" ", command) + "' failed; see " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
        }
    }
}
