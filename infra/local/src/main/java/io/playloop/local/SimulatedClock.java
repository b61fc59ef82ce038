package io.playloop.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock every function of the local cloud reads: it starts at the system time and keeps running,
 * and {@code POST /_local/clock} shifts it forward (or sets it) so a test can jump 72 hours without
 * waiting. Thread-safe; clocks made by {@link #withZone(ZoneId)} share the same offset.
 */
public final class SimulatedClock extends Clock {
    private final Clock system;
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    /** A clock that reads the system UTC clock until it is shifted. */
    public SimulatedClock() {
        this(Clock.systemUTC());
    }

    /** A clock that follows {@code system} (tests pass a fixed clock) until it is shifted. */
    public SimulatedClock(Clock system) {
        this(system, new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private SimulatedClock(Clock system, AtomicReference<Duration> offset, ZoneId zone) {
        this.system = Objects.requireNonNull(system, "system");
        this.offset = offset;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset.get());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return newZone.equals(zone) ? this : new SimulatedClock(system, offset, newZone);
    }

    /** Moves the clock by {@code amount} (negative moves it back) and returns the new time. */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        offset.accumulateAndGet(amount, Duration::plus);
        return instant();
    }

    /** Makes the clock read {@code now} from this moment on (it keeps running from there). */
    public Instant set(Instant now) {
        Objects.requireNonNull(now, "now");
        offset.set(Duration.between(system.instant(), now));
        return instant();
    }

    /** How far the clock is ahead of (positive) or behind (negative) the system clock. */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public String toString() {
        return "SimulatedClock[" + instant() + ", offset " + offset.get() + "]";
    }
}
