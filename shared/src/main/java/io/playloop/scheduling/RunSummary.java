package io.playloop.scheduling;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one scheduler run did. {@code finished} is false when the run stopped at its time budget and left due
 * work for the next run.
 *
 * @param due         customers found due in the index
 * @param sent        proactive messages sent (free-form and templates)
 * @param templates   of which approved templates (the 24-hour window was closed)
 * @param deferred    reminders put off (quiet hours, contact budget, Meta's limits) to a later run
 * @param skipped     reminders dropped (STOP, promotional over budget, money budget spent)
 * @param expired     points lots and rewards expired
 * @param failed      customers whose processing failed (left due; the next run tries again)
 * @param erasures    customers silent past the campaign's retention whose erasure was queued
 * @param indexItemsRead index entries read (Query items), to compare with {@code due}
 * @param finished    true when nothing due was left for the next run
 * @param took        wall time of the run
 */
public record RunSummary(int due, int sent, int templates, int deferred, int skipped, int expired, int failed,
                         int erasures, long indexItemsRead, boolean finished, Duration took) {

    /** A run that queued no erasure. */
    public RunSummary(int due, int sent, int templates, int deferred, int skipped, int expired, int failed,
                      long indexItemsRead, boolean finished, Duration took) {
        this(due, sent, templates, deferred, skipped, expired, failed, 0, indexItemsRead, finished, took);
    }

    /** The summary as the scheduler function answers it (and {@code POST /_local/tick}). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("due", due);
        map.put("sent", sent);
        map.put("templates", templates);
        map.put("deferred", deferred);
        map.put("skipped", skipped);
        map.put("expired", expired);
        map.put("failed", failed);
        map.put("erasures", erasures);
        map.put("indexItemsRead", indexItemsRead);
        map.put("finished", finished);
        map.put("tookMillis", took.toMillis());
        return map;
    }
}
