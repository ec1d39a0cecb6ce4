package com.example.serverless.infra.tools;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Whether an optional command-line tool is installed here, so a check that needs it can skip with a reason. */
public final class InstalledTools {

    private InstalledTools() {
    }

    /** True when {@code command} (e.g. {@code shellcheck --version}) starts and exits 0 within 30 s. */
    public static boolean answers(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
