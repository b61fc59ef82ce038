package io.playloop.outreach;

import java.time.Duration;

/** How long a proactive send waits after Meta refused it for a rate or per-user limit. Never dropped: deferred. */
public final class MetaBackoff {
    /** Throughput of the number exceeded. */
    public static final int THROUGHPUT = 130429;
    /** Too many messages to this one customer (pair rate limit). */
    public static final int PAIR_RATE = 131056;
    /** Meta chose not to deliver (per-user marketing limit). */
    public static final int NOT_DELIVERED = 131049;
    /** More than 24 hours since the customer's last message: only templates. */
    public static final int WINDOW_CLOSED = 131047;
    /** The customer stopped marketing messages from the business. */
    public static final int STOPPED_MARKETING = 131050;

    private static final Duration MAX = Duration.ofHours(6);

    private MetaBackoff() {
    }

    /**
     * The wait after the {@code attempt}-th consecutive refusal (0 first): throughput 1 min × 2^n, pair rate
     * 6 s × 4^n (Meta's advice) but at least a minute, the per-user marketing limit 24 h (Meta: not before), any other
     * transient error 1 min × 2^n; capped at 6 h except the 24 h one.
     */
    public static Duration after(int code, int attempt) {
        int n = Math.min(attempt, 10);
        return switch (code) {
            case NOT_DELIVERED -> Duration.ofHours(24);
            case PAIR_RATE -> cap(Duration.ofSeconds(Math.max(60, 6L * (1L << (2 * n)))));
            default -> cap(Duration.ofMinutes(1L << n));
        };
    }

    private static Duration cap(Duration d) {
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
