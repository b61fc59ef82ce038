package io.playloop.testing;

import io.playloop.batch.FailureKind;
import io.playloop.batch.RecordFailures;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** {@link RecordFailures} in memory, as the table keeps them (one count per record id). */
public final class InMemoryRecordFailures implements RecordFailures {
    private final Map<String, Count> counts = new HashMap<>();
    private boolean down;

    @Override
    public synchronized Count add(String recordId, String errorType, FailureKind kind, Instant at) {
        if (down) {
            throw new IllegalStateException("table unreachable");
        }
        Count before = counts.getOrDefault(recordId, new Count(0, 0, at, errorType));
        Count after = new Count(before.attempts() + 1,
                before.permanentAttempts() + (kind == FailureKind.PERMANENT ? 1 : 0), before.firstFailedAt(),
                before.firstErrorType());
        counts.put(recordId, after);
        return after;
    }

    /** Makes every later count fail, as an unreachable table would. */
    public synchronized InMemoryRecordFailures down() {
        down = true;
        return this;
    }

    /** The record's own failures so far (0 when it never failed). */
    public synchronized int attempts(String recordId) {
        Count c = counts.get(recordId);
        return c == null ? 0 : c.attempts();
    }
}
