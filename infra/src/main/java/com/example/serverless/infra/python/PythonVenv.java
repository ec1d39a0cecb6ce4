package com.example.serverless.infra.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A Python venv under the build directory holding exactly the pins of one requirements file on the
 * classpath (MiniStack, cfn-lint). Installed once, reinstalled when the pins change. Python 3.10+ is the
 * build's one prerequisite besides the JDK: {@code python3}, or {@code -Dinfra.python=/path/to/python3}.
 */
public final class PythonVenv {

    private static final System.Logger LOG = System.getLogger(PythonVenv.class.getName());

    private final Path home;

    private PythonVenv(Path home) {
        this.home = home;
    }

    /**
     * {@code workDir/<name>-venv} with the requirements of classpath resource {@code /<name>/requirements.txt};
     * pip's output goes to {@code workDir/<name>-install.log}.
     */
    public static PythonVenv install(Path workDir, String name, String purpose) {
        Path home = workDir.resolve(name + "-venv");
        String requirements = resource("/" + name + "/requirements.txt");
        Path marker = home.resolve("installed-requirements.txt");
        try {
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(requirements)) {
                return new PythonVenv(home);
            }
            String python = System.getProperty("infra.python", "python3");
            requirePython310(python, purpose);
            Files.createDirectories(workDir);
            Path requirementsFile = workDir.resolve(name + "-requirements.txt");
            Files.writeString(requirementsFile, requirements);
            Path installLog = workDir.resolve(name + "-install.log");
            LOG.log(System.Logger.Level.INFO, "Installing {0} into {1} (log: {2})", name, home, installLog);
            run(installLog, python, "-m", "venv", "--clear", home.toString());
            run(installLog, home.resolve("bin/pip").toString(), "install", "--disable-pip-version-check", "--quiet",
                    "-r", requirementsFile.toString());
            Files.writeString(marker, requirements);
            return new PythonVenv(home);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install " + name + " into " + home, e);
        }
    }

    public Path home() {
        return home;
    }

    /** An executable of the venv: {@code python}, {@code pip}, or a script a package installed. */
    public Path bin(String executable) {
        return home.resolve("bin").resolve(executable);
    }

    /** A text resource of this module (requirements, scripts run with the venv's Python). */
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

    private static void requirePython310(String python, String purpose) {
        String message = "The build needs Python 3.10 or newer as '" + python
                + "' (set -Dinfra.python=/path/to/python3 to use another one): " + purpose + ".";
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
