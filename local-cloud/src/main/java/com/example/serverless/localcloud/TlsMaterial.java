package com.example.serverless.localcloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * MiniStack's self-signed certificate and key (its own generator, core/tls.py: SANs localhost, 127.0.0.1, ::1 and
 * the Cognito issuer hosts), made under {@code TMPDIR/ministack-tls} before the server starts, so that the trust
 * store exists before the first function does.
 */
record TlsMaterial(Path certificate, Path key) {

    static TlsMaterial of(PythonVenv venv, Path tmp) {
        ProcessBuilder builder = new ProcessBuilder(venv.bin("python").toString(), "-c",
                "from ministack.core.tls import resolve_tls_material; print(*resolve_tls_material())")
                .redirectErrorStream(true);
        builder.environment().put("TMPDIR", tmp.toString());
        builder.environment().put("MINISTACK_HOST", "127.0.0.1");
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("MiniStack could not make its TLS certificate (needs openssl): " + output);
            }
            String[] paths = output.lines().reduce((first, last) -> last).orElse("").split(" ");
            if (paths.length != 2) {
                throw new IllegalStateException("Unexpected answer from MiniStack's certificate generator: " + output);
            }
            return new TlsMaterial(Path.of(paths[0]), Path.of(paths[1]));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run MiniStack's certificate generator", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
