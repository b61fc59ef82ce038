package io.playloop.mechanic;

import java.util.List;

/**
 * Where a committed step's events go besides the receipt that stores them (a stream, a KPI store). Called after the
 * commit, at least once: a consumer deduplicates by {@link DomainEvent#id()}.
 */
@FunctionalInterface
public interface EventSink {
    /** Forwards nothing: the events stay on the receipts. */
    EventSink NONE = (customerKey, events) -> { };

    void publish(String customerKey, List<DomainEvent> events);
}
