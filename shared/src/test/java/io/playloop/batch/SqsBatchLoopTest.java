package io.playloop.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.playloop.testing.InMemoryRecordFailures;
import io.playloop.testing.RecordingDeadLetterQueue;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqsBatchLoopTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    private final SqsBatchLoop loop = new SqsBatchLoop(new PartialBatch(new RetryBudget(3, 20),
            new InMemoryRecordFailures(), new RecordingDeadLetterQueue(), CLOCK, Duration.ofSeconds(13)));
    private final List<String> processed = new ArrayList<>();

    @Test
    void aFailingRecord_andTheLaterOnesOfItsGroup_comeBackAsBatchItemFailures() {
        SQSEvent event = event(message("a1", "A"), message("b1", "B"), message("a2", "A"));

        SqsBatchLoop.Result result = loop.run(event, null, record -> {
            if (record.id().equals("a1")) {
                throw new IllegalStateException("the table is down");
            }
            processed.add(record.id());
        });

        assertThat(result.records()).isEqualTo(3);
        assertThat(processed).containsExactly("b1");
        assertThat(result.response().getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier).containsExactly("a1", "a2");
    }

    @Test
    void withTooLittleTimeLeft_nothingStarts_andEveryRecordComesBack() {
        SqsBatchLoop.Result result = loop.run(event(message("a1", "A"), message("b1", "B")), remaining(5_000),
                record -> processed.add(record.id()));

        assertThat(processed).isEmpty();
        assertThat(result.report().deferred()).isEqualTo(2);
        assertThat(result.response().getBatchItemFailures()).hasSize(2);
    }

    @Test
    void anEventWithoutRecords_isAnEmptyAnswer() {
        SqsBatchLoop.Result result = loop.run(new SQSEvent(), null, record -> processed.add(record.id()));

        assertThat(result.records()).isZero();
        assertThat(result.response().getBatchItemFailures()).isEmpty();
    }

    private static SQSEvent event(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    private static SQSEvent.SQSMessage message(String id, String group) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(id);
        m.setBody("{}");
        m.setAttributes(Map.of("MessageGroupId", group, "ApproximateReceiveCount", "1"));
        m.setEventSourceArn("arn:aws:sqs:eu-west-1:123456789012:inbound.fifo");
        return m;
    }

    /** A Lambda context that only knows its remaining time. */
    private static Context remaining(int millis) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[]{Context.class},
                (proxy, method, args) -> method.getName().equals("getRemainingTimeInMillis") ? millis : null);
    }
}
