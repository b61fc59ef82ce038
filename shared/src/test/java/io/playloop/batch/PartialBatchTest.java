package io.playloop.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.testing.InMemoryRecordFailures;
import io.playloop.testing.RecordingDeadLetterQueue;
import io.playloop.whatsapp.outbound.GraphApiException;
import io.playloop.whatsapp.outbound.GraphError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PartialBatchTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    private final InMemoryRecordFailures failures = new InMemoryRecordFailures();
    private final RecordingDeadLetterQueue deadLetters = new RecordingDeadLetterQueue();
    private final PartialBatch batch = new PartialBatch(new RetryBudget(3, 20), failures, deadLetters, CLOCK,
            Duration.ofSeconds(13));
    private final List<String> processed = new ArrayList<>();
    private final Map<String, RuntimeException> failing = new HashMap<>();

    private final Consumer<QueueRecord> work = record -> {
        RuntimeException failure = failing.get(record.id());
        if (failure != null) {
            throw failure;
        }
        processed.add(record.id());
    };

    private static QueueRecord record(String id, String group) {
        return new QueueRecord(id, group, "{}", 1, null, "inbound.fifo");
    }

    private PartialBatch.Report run(QueueRecord... records) {
        return batch.run(List.of(records), () -> 30_000, work);
    }

    @Test
    void theLaterRecordsOfAFailingCustomer_waitUnprocessed_withoutSpendingTheirOwnRetries() {
        failing.put("a1", new GraphApiException(new GraphError(500, 0, 0, null, "down", null, null)));

        PartialBatch.Report report = run(record("a1", "A"), record("b1", "B"), record("a2", "A"), record("a3", "A"));

        assertThat(report.failedIds()).containsExactly("a1", "a2", "a3");
        assertThat(processed).containsExactly("b1");
        assertThat(failures.attempts("a1")).isEqualTo(1);
        assertThat(failures.attempts("a2")).isZero();
        assertThat(failures.attempts("a3")).isZero();
        assertThat(report.waiting()).isEqualTo(2);
        assertThat(deadLetters.parked()).isEmpty();
    }

    @Test
    void aPermanentFailure_isSetAsideAlone_onItsThirdOwnFailure_andItsCustomerGoesOn() {
        failing.put("poison", new IllegalArgumentException("a key built from a bad value"));

        run(record("poison", "A"), record("stop", "A"));
        run(record("poison", "A"), record("stop", "A"));
        assertThat(processed).isEmpty();
        PartialBatch.Report third = run(record("poison", "A"), record("stop", "A"));

        assertThat(third.failedIds()).isEmpty();
        assertThat(third.parked()).isEqualTo(1);
        assertThat(processed).containsExactly("stop");
        assertThat(deadLetters.parked()).singleElement().satisfies(p -> {
            assertThat(p.record().id()).isEqualTo("poison");
            assertThat(p.why().reason()).isEqualTo(DeadLetterQueue.Reason.PERMANENT_FAILURE);
            assertThat(p.why().errorType()).isEqualTo("IllegalArgumentException");
            assertThat(p.why().attempts()).isEqualTo(3);
        });
    }

    @Test
    void anUnreadableRecord_isSetAsideAtOnce() {
        failing.put("garbage", new UnreadableRecordException("not an inbound record", null));

        PartialBatch.Report report = run(record("garbage", "A"), record("next", "A"));

        assertThat(report.failedIds()).isEmpty();
        assertThat(processed).containsExactly("next");
        assertThat(deadLetters.parked()).singleElement()
                .satisfies(p -> assertThat(p.why().reason()).isEqualTo(DeadLetterQueue.Reason.UNREADABLE));
    }

    @Test
    void aTransientFailure_isRetriedUntilItsBudget_thenSetAside() {
        failing.put("slow", new RetryLaterException("CRM down"));

        for (int i = 1; i < 20; i++) {
            assertThat(run(record("slow", "A")).failedIds()).as("attempt " + i).containsExactly("slow");
        }
        PartialBatch.Report last = run(record("slow", "A"));

        assertThat(last.failedIds()).isEmpty();
        assertThat(deadLetters.parked()).singleElement()
                .satisfies(p -> assertThat(p.why().reason()).isEqualTo(DeadLetterQueue.Reason.RETRIES_EXHAUSTED));
    }

    @Test
    void aRecordTheDeadLetterQueueDoesNotTake_staysOnItsQueue_inFrontOfItsCustomer() {
        failing.put("garbage", new UnreadableRecordException("not an inbound record", null));
        deadLetters.refusing(true);

        PartialBatch.Report report = run(record("garbage", "A"), record("next", "A"));

        assertThat(report.failedIds()).containsExactly("garbage", "next");
        assertThat(processed).isEmpty();
    }

    @Test
    void aFailureThatCannotBeCounted_leavesTheRecordOnItsQueue() {
        failures.down();
        failing.put("a1", new IllegalArgumentException("bad"));

        assertThat(run(record("a1", "A"), record("b1", "B")).failedIds()).containsExactly("a1");
        assertThat(processed).containsExactly("b1");
        assertThat(deadLetters.parked()).isEmpty();
    }

    @Test
    void whenTimeRunsShort_theRestComesBackUnprocessed_andUncounted() {
        long[] remaining = {30_000};
        Consumer<QueueRecord> slow = record -> {
            processed.add(record.id());
            remaining[0] -= 9_000;
        };

        PartialBatch.Report report = batch.run(List.of(record("a", "A"), record("b", "B"), record("c", "C"),
                record("d", "D")), () -> remaining[0], slow);

        assertThat(processed).containsExactly("a", "b");
        assertThat(report.failedIds()).containsExactly("c", "d");
        assertThat(report.deferred()).isEqualTo(2);
        assertThat(failures.attempts("c")).isZero();
    }
}
