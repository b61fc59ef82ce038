package io.playloop.testing;

import io.playloop.batch.DeadLetterQueue;
import io.playloop.batch.QueueRecord;
import java.util.ArrayList;
import java.util.List;

/** A {@link DeadLetterQueue} that keeps what was parked, and can be made to refuse. */
public final class RecordingDeadLetterQueue implements DeadLetterQueue {
    /** One parked record and why. */
    public record Parked(QueueRecord record, Why why) {
    }

    private final List<Parked> parked = new ArrayList<>();
    private boolean refusing;

    @Override
    public synchronized void park(QueueRecord record, Why why) {
        if (refusing) {
            throw new IllegalStateException("dead-letter queue unreachable");
        }
        parked.add(new Parked(record, why));
    }

    /** Makes every later park fail. */
    public synchronized RecordingDeadLetterQueue refusing(boolean refusing) {
        this.refusing = refusing;
        return this;
    }

    public synchronized List<Parked> parked() {
        return List.copyOf(parked);
    }
}
