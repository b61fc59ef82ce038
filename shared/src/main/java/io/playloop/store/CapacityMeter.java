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

    /** The totals so far. */
    public Reading reading() {
        return new Reading(readUnits.sum(), writeUnits.sum(), requests.sum());
    }

    /** Capacity consumed over a span; subtract two readings to get what happened in between. */
    public record Reading(double readUnits, double writeUnits, long requests) {
        public Reading minus(Reading earlier) {
            return new Reading(readUnits - earlier.readUnits, writeUnits - earlier.writeUnits,
                    requests - earlier.requests);
        }
    }
}
