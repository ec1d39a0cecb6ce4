package com.example.serverless.email;

import java.time.Duration;

/** Waits between throttled attempts; tests pass one that records instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}
