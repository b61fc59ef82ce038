package io.playloop.store;

import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * Adds up the capacity units DynamoDB reports (ReturnConsumedCapacity=TOTAL) so that tests and
 * benchmarks can state request units per message. Thread-safe.
 *
 * <p>DynamoDB (and DynamoDB Local) often report only the total {@code CapacityUnits} of a call, without
 * the read/write split, so the caller says which kind of call it made: a reported split is used as
 * given, otherwise the total counts as read units for a read call and as write units for a write call.
 */
public final class CapacityMeter {
    private final DoubleAdder readUnits = new DoubleAdder();
    private final DoubleAdder writeUnits = new DoubleAdder();
    private final LongAdder requests = new LongAdder();

    /** Records one read call (GetItem, Query); null when DynamoDB reported nothing (a failed call). */
    public void recordRead(ConsumedCapacity capacity) {
        requests.increment();
        add(capacity, readUnits);
    }

    /** Records one read call that reports per table (BatchGetItem, TransactGetItems). */
    public void recordRead(List<ConsumedCapacity> capacities) {
        requests.increment();
        if (capacities != null) {
            capacities.forEach(c -> add(c, readUnits));
        }
    }

    /** Records one write call (PutItem, UpdateItem, DeleteItem); null when DynamoDB reported nothing. */
    public void recordWrite(ConsumedCapacity capacity) {
        requests.increment();
        add(capacity, writeUnits);
    }

    /** Records one write call that reports per table (TransactWriteItems, BatchWriteItem). */
    public void recordWrite(List<ConsumedCapacity> capacities) {
        requests.increment();
        if (capacities != null) {
            capacities.forEach(c -> add(c, writeUnits));
        }
    }

    private void add(ConsumedCapacity c, DoubleAdder kindOfCall) {
        if (c == null) {
            return;
        }
        if (c.readCapacityUnits() != null || c.writeCapacityUnits() != null) {
            if (c.readCapacityUnits() != null) {
                readUnits.add(c.readCapacityUnits());
            }
            if (c.writeCapacityUnits() != null) {
                writeUnits.add(c.writeCapacityUnits());
            }
        } else if (c.capacityUnits() != null) {
            kindOfCall.add(c.capacityUnits());
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
