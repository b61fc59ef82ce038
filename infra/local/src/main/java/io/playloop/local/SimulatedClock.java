package io.playloop.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.local.durable.Journal;
import io.playloop.local.durable.JsonLinesJournal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock every function of the local cloud reads: it starts at the system time and keeps running,
 * and {@code POST /_local/clock} shifts it forward (or sets it) so a test can jump 72 hours without
 * waiting. Thread-safe; clocks made by {@link #withZone(ZoneId)} share the same offset. A clock kept in a
 * journal ({@code --data-dir}) comes back after a restart with the offset it had: still 72 hours ahead.
 */
public final class SimulatedClock extends Clock {
    private final Clock system;
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;
    private final Journal journal;

    /** A clock that reads the system UTC clock until it is shifted. */
    public SimulatedClock() {
        this(Clock.systemUTC());
    }

    /** A clock that follows {@code system} (tests pass a fixed clock) until it is shifted. */
    public SimulatedClock(Clock system) {
        this(system, new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC, Journal.NONE);
    }

    private SimulatedClock(Clock system, AtomicReference<Duration> offset, ZoneId zone, Journal journal) {
        this.system = Objects.requireNonNull(system, "system");
        this.offset = offset;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.journal = journal;
    }

    /** A clock that follows {@code system} with the offset last written to {@code journal}, and writes each new one. */
    public static SimulatedClock keptIn(Clock system, JsonLinesJournal journal) {
        Duration kept = Duration.ZERO;
        for (JsonNode line : journal.recovered()) {
            kept = Duration.parse(line.path("offset").asText());
        }
        journal.rewrite(List.of(Map.of("offset", kept.toString())));
        return new SimulatedClock(system, new AtomicReference<>(kept), ZoneOffset.UTC, journal);
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
        return newZone.equals(zone) ? this : new SimulatedClock(system, offset, newZone, journal);
    }

    /** Moves the clock by {@code amount} (negative moves it back) and returns the new time. */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        synchronized (offset) { // one at a time, so the journal's last line is the offset in force
            keep(offset.accumulateAndGet(amount, Duration::plus));
        }
        return instant();
    }

    /** Makes the clock read {@code now} from this moment on (it keeps running from there). */
    public Instant set(Instant now) {
        Objects.requireNonNull(now, "now");
        synchronized (offset) {
            Duration next = Duration.between(system.instant(), now);
            offset.set(next);
            keep(next);
        }
        return instant();
    }

    private void keep(Duration newOffset) {
        journal.append(Map.of("offset", newOffset.toString()));
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
