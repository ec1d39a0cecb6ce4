package com.example.serverless.reminders.domain;

/**
 * The run stopped claiming reminders because the invocation is about to time out. Nothing is lost: what was not
 * claimed is found again by the retry or by the next run (each run covers today and tomorrow). Carries what the run
 * did until then, for its metrics.
 */
public class OutOfTimeException extends RuntimeException {

    private final transient RunResult partial;

    public OutOfTimeException(String message, RunResult partial) {
        super(message);
        this.partial = partial;
    }

    public RunResult partial() {
        return partial;
    }
}
