package io.playloop.outreach;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Meta's messaging limit as a count: unique customers reached by business-initiated (template) messages in a moving
 * 24 hours, kept per UTC hour. A customer reached by a template in the last 24 h does not count again.
 */
public final class ReachCounter {
    public static final Duration WINDOW = Duration.ofHours(24);

    private final Map<Long, Long> byHour;
    private final int limit;

    /**
     * @param byHour the stored counts by hour (epoch second of the hour's start)
     * @param limit  the tier (250, 2,000, 10,000, 100,000 unique customers)
     */
    public ReachCounter(Map<Long, Long> byHour, int limit) {
        this.byHour = new HashMap<>(byHour);
        this.limit = limit;
    }

    /** The hour bucket of {@code at}. */
    public static long hourOf(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS).getEpochSecond();
    }

    /** Unique customers reached in the 24 hours before {@code now}. */
    public long reached(Instant now) {
        long from = hourOf(now.minus(WINDOW)) + 3600;
        return byHour.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() <= hourOf(now))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Whether one more new customer would go past the limit. */
    public boolean full(Instant now) {
        return reached(now) >= limit;
    }

    /** When the oldest counted hour leaves the window: the next try. */
    public Instant freesAt(Instant now) {
        long from = hourOf(now.minus(WINDOW)) + 3600;
        long oldest = byHour.entrySet().stream().filter(e -> e.getKey() >= from && e.getValue() > 0)
                .mapToLong(Map.Entry::getKey).min().orElse(hourOf(now));
        return Instant.ofEpochSecond(oldest).plus(WINDOW).plus(Duration.ofHours(1));
    }

    /** One more customer reached at {@code at}. */
    public void add(Instant at) {
        byHour.merge(hourOf(at), 1L, Long::sum);
    }

    /** The hours held (to forget the old ones). */
    public Iterable<Long> hours() {
        return byHour.keySet();
    }
}
