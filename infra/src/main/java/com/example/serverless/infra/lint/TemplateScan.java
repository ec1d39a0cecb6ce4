package com.example.serverless.infra.lint;

import com.example.serverless.localcloud.PythonVenv;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The security scan of the SAM template in the build: checkov (pinned, from the build's venv location) over
 * template.yaml, every failed check either fixed or listed in one file, {@code checkov-skips.yaml}, with its reason:
 * for the whole template ({@code everywhere}) or for named resources ({@code resources}). A failure that is not listed
 * fails the build, and so does a listed skip that no longer matches a failure: the list stays true.
 */
public final class TemplateScan {

    /** A check checkov reported as failed, on one resource of the template. */
    record Finding(String checkId, String checkName, String resource) {
        @Override
        public String toString() {
            return checkId + " on " + resource + ": " + checkName;
        }
    }

    /** The skips: check id -> reason for the whole template; logical id -> (check id -> reason). */
    record Skips(Map<String, String> everywhere, Map<String, Map<String, String>> resources) {

        boolean covers(Finding finding) {
            return everywhere.containsKey(finding.checkId())
                    || resources.getOrDefault(finding.resource(), Map.of()).containsKey(finding.checkId());
        }

        /** Skips no finding needs any more. */
        List<String> unused(List<Finding> findings) {
            List<String> unused = new ArrayList<>();
            everywhere.keySet().stream().filter(id -> findings.stream().noneMatch(f -> f.checkId().equals(id)))
                    .forEach(id -> unused.add(id + " (everywhere)"));
            resources.forEach((resource, checks) -> checks.keySet().stream()
                    .filter(id -> findings.stream().noneMatch(f -> f.checkId().equals(id) && f.resource().equals(resource)))
                    .forEach(id -> unused.add(id + " on " + resource)));
            return unused;
        }
    }

    private TemplateScan() {
    }

    /** Arguments: the template, the skips file. The venv location comes from {@value PythonVenv#HOME_PROPERTY}. */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("Usage: TemplateScan <template.yaml> <checkov-skips.yaml>");
        }
        Path template = Path.of(args[0]).toAbsolutePath();
        Skips skips = readSkips(Path.of(args[1]));
        PythonVenv venv = PythonVenv.install("checkov", PythonVenv.resource("/checkov/requirements.txt"),
                "it runs checkov, the template's security scan");
        List<Finding> findings = findings(run(venv.bin("checkov").toString(), template));
        List<String> problems = new ArrayList<>();
        findings.stream().filter(finding -> !skips.covers(finding))
                .forEach(finding -> problems.add("failed and not listed in " + args[1] + ": " + finding));
        skips.unused(findings).forEach(skip -> problems.add("listed in " + args[1] + " but no longer failing (remove it): " + skip));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(template + " does not pass the security scan:\n  " + String.join("\n  ", problems));
        }
    }

    static Skips readSkips(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            Map<String, String> everywhere = reasons(tree.get("everywhere"), file + ": everywhere");
            Map<String, Map<String, String>> resources = new LinkedHashMap<>();
            if (tree.get("resources") instanceof Map<?, ?> perResource) {
                perResource.forEach((resource, checks) -> resources.put(String.valueOf(resource),
                        reasons(checks, file + ": " + resource)));
            }
            return new Skips(everywhere, resources);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Check id -> one-line reason; a skip without a reason is refused. */
    private static Map<String, String> reasons(Object node, String where) {
        Map<String, String> reasons = new LinkedHashMap<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((check, reason) -> {
                if (reason == null || String.valueOf(reason).isBlank()) {
                    throw new IllegalStateException(where + ": " + check + " is skipped without a reason");
                }
                reasons.put(String.valueOf(check), String.valueOf(reason));
            });
        }
        return reasons;
    }

    /** checkov's JSON report: the failed checks, by check id and the resource's logical id. */
    static List<Finding> findings(String report) {
        try {
            JsonNode root = new ObjectMapper().readTree(report);
            JsonNode results = (root.isArray() ? root.path(0) : root).path("results").path("failed_checks");
            Set<Finding> findings = new LinkedHashSet<>();
            results.forEach(check -> {
                String resource = check.path("resource").asText();
                findings.add(new Finding(check.path("check_id").asText(), check.path("check_name").asText(),
                        resource.substring(resource.lastIndexOf('.') + 1)));
            });
            return List.copyOf(findings);
        } catch (IOException e) {
            throw new IllegalStateException("checkov's report is not JSON: " + report, e);
        }
    }

    private static String run(String checkov, Path template) {
        List<String> command = List.of(checkov, "--file", template.toString(), "--framework", "cloudformation",
                "--output", "json", "--quiet", "--compact", "--skip-download");
        try {
            Path output = Files.createTempFile("checkov", ".json");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(false)
                        .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("checkov did not finish within 5 minutes");
                }
                // Exit 1 means "checks failed": the report says which.
                if (process.exitValue() > 1) {
                    throw new IllegalStateException("checkov failed (exit " + process.exitValue() + "): " + String.join(" ", command));
                }
                return Files.readString(output);
            } finally {
                Files.delete(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while scanning", e);
        }
    }
}
