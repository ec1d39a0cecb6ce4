package com.example.serverless.infra.local;

import com.example.serverless.localcloud.PythonVenv;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs aws-sam-translator (from MiniStack's venv) with the stack's parameter values and spells out HTTP API
 * routes, because MiniStack's own transform sees no parameter values and its ApiGatewayV2::Api ignores
 * the OpenAPI Body SAM generates. See local_sam_transform.py and MiniStackFidelityIT.
 */
final class LocalSamTransform {

    private final Path python;
    private final Path script;
    private final Path log;

    LocalSamTransform(PythonVenv venv, Path workDir) {
        this.python = venv.bin("python");
        this.script = workDir.resolve("local_sam_transform.py");
        this.log = workDir.resolve("local-sam-transform.log");
    }

    String apply(Map<String, Object> template, Map<String, String> parameters, String region) {
        ObjectMapper json = new ObjectMapper();
        try {
            Files.writeString(script, PythonVenv.resource("/ministack/local_sam_transform.py"));
            Process process = new ProcessBuilder(python.toString(), script.toString())
                    .redirectError(log.toFile()).start();
            try (var stdin = process.getOutputStream()) {
                json.writeValue(stdin, Map.of("template", template, "parameters", parameters, "region", region));
            }
            var stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("The SAM transform failed:\n" + Files.readString(log));
            }
            return new String(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
