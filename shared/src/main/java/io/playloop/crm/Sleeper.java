package io.playloop.crm;

import java.time.Duration;

/** Waits between attempts; tests pass one that records instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** Really sleeps. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
}
