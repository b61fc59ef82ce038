package io.playloop.reward;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.batch.DeadLetterQueue;
import io.playloop.config.PlayLoopConfig;
import io.playloop.rewards.RewardJob;
import io.playloop.rewards.RewardJobCodec;
import io.playloop.store.Keys;
import io.playloop.testing.LocalDynamo;
import io.playloop.testing.RecordingDeadLetterQueue;
import io.playloop.testing.RecordingGraphApi;
import io.playloop.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

// Integration tier: the reward handler's partial batches against DynamoDB Local (each job's own failure count).
class RewardHandlerIT {
    private static final String SAM = "16505550901";
    private static final String ARN = "arn:aws:sqs:eu-west-1:123456789012:playloop-rewards.fifo";

    private final LocalDynamo dynamo = LocalDynamo.create();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final RecordingDeadLetterQueue deadLetters = new RecordingDeadLetterQueue();
    private final RewardHandler handler = new RewardHandler(RewardHandler.Dependencies.builder()
            .dynamo(dynamo.client()).graph(new RecordingGraphApi()).clock(clock).deadLetters(deadLetters)
            .config(new PlayLoopConfig(dynamo.tableName(), null, null, null, "100000000000001", "Café Lumière", "en"))
            .build());
    private final RewardJobCodec codec = new RewardJobCodec(new ObjectMapper());

    @AfterEach
    void close() {
        dynamo.close();
    }

    private static SQSEvent.SQSMessage record(String id, String body, int receiveCount) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(id);
        m.setBody(body);
        m.setEventSourceArn(ARN);
        m.setAttributes(new HashMap<>(Map.of("MessageGroupId", SAM + ":POOL_CODE",
                "ApproximateReceiveCount", Integer.toString(receiveCount))));
        return m;
    }

    private SQSBatchResponse deliver(SQSEvent.SQSMessage... records) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(records));
        return handler.handleRequest(event, null);
    }

    @Test
    void aJobWaitingForAnEmptyPool_holdsItsCustomersLaterJobs_withoutSpendingTheirRetries_untilItIsSetAside() {
        Map<String, AttributeValue> reward = new HashMap<>(Keys.reward(SAM, "r-1"));
        reward.put("validUntil", AttributeValue.fromS("2026-12-31T00:00:00Z"));
        reward.put("item", AttributeValue.fromS("tote"));
        dynamo.client().putItem(b -> b.tableName(dynamo.tableName()).item(reward));
        String waiting = codec.write(RewardJob.poolCode(SAM, "demo", "r-1", "tote-bags"));
        String behind = codec.write(RewardJob.poolCode(SAM, "demo", "r-unknown", "tote-bags"));

        for (int receive = 1; receive < RewardHandler.RETRY_BUDGET.attempts(); receive++) {
            assertThat(deliver(record("job-1", waiting, receive), record("job-2", behind, receive))
                    .getBatchItemFailures()).as("receive " + receive).hasSize(2);
            clock.advance(Duration.ofMinutes(3));
        }
        assertThat(dynamo.item(Keys.recordFailures("job-2"))).as("the job behind never failed itself").isNull();
        SQSBatchResponse last = deliver(record("job-1", waiting, 20), record("job-2", behind, 20));

        assertThat(last.getBatchItemFailures()).isEmpty();
        assertThat(deadLetters.parked()).singleElement().satisfies(p -> {
            assertThat(p.record().id()).isEqualTo("job-1");
            assertThat(p.record().queue()).isEqualTo("playloop-rewards.fifo");
            assertThat(p.why().reason()).isEqualTo(DeadLetterQueue.Reason.RETRIES_EXHAUSTED);
            assertThat(p.why().attempts()).isEqualTo(20);
            assertThat(p.why().firstFailedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        });
        Map<String, AttributeValue> count = dynamo.item(Keys.recordFailures("job-1"));
        assertThat(count.get("attempts").n()).isEqualTo("20");
        assertThat(Long.parseLong(count.get(Keys.TTL).n())).isGreaterThan(clock.instant().getEpochSecond()
                + Duration.ofDays(14).toSeconds());
    }

    @Test
    void anUnreadableJob_isSetAsideAtOnce_andTheNextJobRuns() {
        SQSBatchResponse response = deliver(record("garbage", "{\"v\":99}", 1),
                record("job-2", codec.write(RewardJob.crmSync("wamid.A", SAM, "demo")), 1));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(deadLetters.parked()).singleElement().satisfies(p -> {
            assertThat(p.record().id()).isEqualTo("garbage");
            assertThat(p.why().reason()).isEqualTo(DeadLetterQueue.Reason.UNREADABLE);
        });
    }
}
