package com.example.serverless.infra.lint;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;

import com.example.serverless.infra.tools.InstalledTools;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * ShellCheck on every shell script in the repository (*.sh, and files whose shebang names sh or bash, such as
 * .ci/run and mvnw), at severity warning: warnings and errors fail the build, info and style notes do not.
 * A file without a shebang is a fragment sourced by a POSIX sh script (.mvn/find-jdk.sh) and is checked as sh.
 * Where shellcheck is not installed the check is skipped, with the reason; .ci/run installs it.
 */
class ShellScriptsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules");

    @Test
    void everyShellScriptIsFound() {
        assertThat(scripts(), hasItems(".ci/run", "run-local.sh", "localstack/deploy.sh", "localstack/init/ready.d/deploy.sh"));
    }

    @Test
    void everyShellScriptPassesShellCheck() throws IOException, InterruptedException {
        List<String> scripts = scripts();
        Assumptions.assumeTrue(InstalledTools.answers(List.of("shellcheck", "--version")), "shellcheck is not installed (Debian: apt-get install shellcheck; "
                + ".ci/run installs it): " + scripts.size() + " scripts unchecked: " + scripts);
        List<String> findings = new ArrayList<>();
        for (String script : scripts) {
            List<String> command = new ArrayList<>(List.of("shellcheck", "--external-sources", "--severity=warning"));
            if (!hasShebang(ROOT.resolve(script))) {
                command.add("--shell=sh");
            }
            command.add(script);
            Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                findings.add(output.isBlank() ? script + ": shellcheck failed without output" : output);
            }
        }
        assertThat(String.join("\n", findings), findings, empty());
    }

    private static List<String> scripts() {
        List<String> scripts = new ArrayList<>();
        try {
            Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                    return SKIPPED_DIRECTORIES.contains(directory.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && (file.getFileName().toString().endsWith(".sh") || shebangNamesAShell(file))) {
                        scripts.add(ROOT.relativize(file).toString());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scripts.stream().sorted().toList();
    }

    private static boolean hasShebang(Path file) {
        return firstLine(file).startsWith("#!");
    }

    private static boolean shebangNamesAShell(Path file) {
        String line = firstLine(file);
        return line.startsWith("#!") && line.matches("#!\\s*\\S*/(env\\s+)?(sh|bash)(\\s.*)?");
    }

    private static String firstLine(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line = reader.readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            return "";
        }
    }
}
