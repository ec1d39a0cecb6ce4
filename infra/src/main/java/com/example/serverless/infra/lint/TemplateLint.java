package com.example.serverless.infra.lint;

import com.example.serverless.localcloud.PythonVenv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lints the SAM template in the build ({@code ./mvnw verify}): cfn-lint with its own rules, then again with
 * the serverless rules (cfn-lint-serverless), both from the pinned venv in the build's venv location.
 * Any error or warning fails the build and shows cfn-lint's findings.
 * aws-sam-translator is pinned next to cfn-lint: without it cfn-lint skips the SAM transform silently.
 */
public final class TemplateLint {

    private TemplateLint() {
    }

    /** Argument: the template. The venv location comes from {@value PythonVenv#HOME_PROPERTY}. */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: TemplateLint <template.yaml>");
        }
        Path template = Path.of(args[0]).toAbsolutePath();
        List<String> failures = failures(template);
        if (!failures.isEmpty()) {
            throw new IllegalStateException(template + " does not pass the template checks:\n" + String.join("\n", failures));
        }
    }

    /**
     * cfn-lint's findings, empty when the template passes. It checks every resource whatever its Condition, so the
     * options that are off by default (EnableDax) are linted as well (TemplateLintTest).
     */
    static List<String> failures(Path template) {
        PythonVenv venv = PythonVenv.install("cfn-lint", PythonVenv.resource("/cfn-lint/requirements.txt"),
                "it runs cfn-lint on the SAM template");
        String cfnLint = venv.bin("cfn-lint").toString();
        List<String> failures = new ArrayList<>();
        lint(failures, "cfn-lint", List.of(cfnLint, template.toString()));
        lint(failures, "cfn-lint with the serverless rules",
                List.of(cfnLint, "--append-rules", "cfn_lint_serverless.rules", "--", template.toString()));
        return failures;
    }

    /** cfn-lint exits 0 when it has nothing to report (errors, warnings; informational findings are off by default). */
    private static void lint(List<String> failures, String name, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                failures.add(name + " did not finish within 5 minutes");
            } else if (process.exitValue() != 0) {
                failures.add(name + " (exit " + process.exitValue() + ", " + String.join(" ", command) + "):\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while linting", e);
        }
    }
}
