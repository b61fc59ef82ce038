package io.playloop.outreach;

import java.util.function.LongSupplier;

/**
 * The per-phone-number send-rate cap within one run: at most {@code perSecond} messages a second, evenly spaced.
 * Meta allows 80 a second per number (20 for numbers linked to the Business app) and answers 130429 above it; a
 * 130429 halves the pace for the rest of the run.
 */
public final class SendPacer {
    /** Waits; tests pass one that records instead. */
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long intervalNanos;
    private long nextSlot;

    public SendPacer(int perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1, was " + perSecond);
        }
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.intervalNanos = 1_000_000_000L / perSecond;
        this.nextSlot = nanoTime.getAsLong();
    }

    /** A pacer on the machine's clock. */
    public static SendPacer perSecond(int perSecond) {
        return new SendPacer(perSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** Blocks until the next send may go. */
    public void acquire() {
        long now = nanoTime.getAsLong();
        if (nextSlot > now) {
            try {
                sleeper.sleepNanos(nextSlot - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pacing sends", e);
            }
            now = nextSlot;
        }
        nextSlot = now + intervalNanos;
    }

    /** Meta said the number is over its throughput: half the pace from now on. */
    public void slowDown() {
        intervalNanos = Math.min(intervalNanos * 2, 5_000_000_000L);
    }

    /** The current spacing between sends, in nanoseconds. */
    public long intervalNanos() {
        return intervalNanos;
    }
}
