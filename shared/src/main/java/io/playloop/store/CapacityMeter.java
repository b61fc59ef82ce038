package io.playloop.store;

import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * Adds up the capacity units DynamoDB reports (ReturnConsumedCapacity=TOTAL) so that tests and
 * benchmarks can state request units per message. Thread-safe.
 */
public final class CapacityMeter {
    private final DoubleAdder readUnits = new DoubleAdder();
    private final DoubleAdder writeUnits = new DoubleAdder();
    private final LongAdder requests = new LongAdder();

    public void record(ConsumedCapacity capacity) {
        requests.increment();
        if (capacity == null) {
            return;
        }
        if (capacity.readCapacityUnits() != null) {
            readUnits.add(capacity.readCapacityUnits());
        }
        if (capacity.writeCapacityUnits() != null) {
            writeUnits.add(capacity.writeCapacityUnits());
        }
    }

    /** For calls that return one entry per table (batch and transaction APIs); counts one request. */
    public void record(List<ConsumedCapacity> capacities) {
        requests.increment();
        if (capacities == null) {
            return;
        }
        for (ConsumedCapacity c : capacities) {
            if (c.readCapacityUnits() != null) {
                readUnits.add(c.readCapacityUnits());
            }
            if (c.writeCapacityUnits() != null) {
                writeUnits.add(c.writeCapacityUnits());
            }
        }
    }

    public double readUnits() {
        return readUnits.sum();
    }

    public double writeUnits() {
        return writeUnits.sum();
    }

    public long requests() {
        return requests.sum();
    }

    /** Returns the totals so far and starts again from zero. */
    public Reading reset() {
        Reading r = new Reading(readUnits.sumThenReset(), writeUnits.sumThenReset(), requests.sumThenReset());
        return r;
    }

    /** Capacity consumed over a span. */
    public record Reading(double readUnits, double writeUnits, long requests) {
    }
}
