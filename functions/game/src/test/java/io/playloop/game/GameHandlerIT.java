package io.playloop.game;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.playloop.config.PlayLoopConfig;
import io.playloop.store.Keys;
import io.playloop.testing.LocalDynamo;
import io.playloop.testing.RecordingGraphApi;
import io.playloop.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

// Integration tier: the game handler against DynamoDB Local (table from template.yaml).
class GameHandlerIT {
    private static final String BATCH = "../../events/game/sqs-batch.json";

    private final LocalDynamo dynamo = LocalDynamo.create();
    private final RecordingGraphApi graph = new RecordingGraphApi();
    private final TestClock clock = new TestClock(Instant.parse("2025-11-21T10:00:10Z"));
    private final GameHandler handler = new GameHandler(GameHandler.Dependencies.builder().dynamo(dynamo.client())
            .graph(graph).clock(clock)
            .config(new PlayLoopConfig(dynamo.tableName(), null, null, null, "100000000000001", "Café Lumière", "en"))
            .build());

    @AfterEach
    void close() {
        dynamo.close();
    }

    @Test
    void theSameMessageDeliveredSixteenTimesAtOnce_changesStateOnce_andIsAnsweredOnce() throws Exception {
        SQSEvent.SQSMessage points = EventLoader.loadSQSEvent(BATCH).getRecords().get(0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<SQSBatchResponse>> deliveries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            deliveries.add(() -> handler.handleRequest(redelivery(points), null));
        }
        try {
            for (Future<SQSBatchResponse> f : pool.invokeAll(deliveries)) {
                assertThat(f.get().getBatchItemFailures()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(graph.sent()).hasSize(1);
        assertThat(version("33612345678")).isEqualTo(1);

        // Meta retries for up to 7 days: six days later the receipt still recognises the wamid.
        clock.advance(Duration.ofDays(6));
        assertThat(handler.handleRequest(redelivery(points), null).getBatchItemFailures()).isEmpty();
        assertThat(graph.sent()).hasSize(1);
        assertThat(version("33612345678")).isEqualTo(1);
    }

    @Test
    void aBatch_isAppliedInOrderPerCustomer_withTheConsentHistoryKept() {
        SQSBatchResponse response = handler.handleRequest(EventLoader.loadSQSEvent(BATCH), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(graph.sent()).hasSize(3);
        assertThat(version("33612345678")).isEqualTo(2); // POINTS then STOP
        assertThat(dynamo.items()).filteredOn(i -> i.get(Keys.SK).s().startsWith("CONSENT#"))
                .singleElement()
                .satisfies(i -> assertThat(i.get("proactive").bool()).isFalse())
                .satisfies(i -> assertThat(i.get("wamid").s())
                        .isEqualTo("wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQzQUI4MkI5QzM4QTg3QzNEMTI0NwA="));
    }

    private static SQSEvent redelivery(SQSEvent.SQSMessage original) {
        SQSEvent.SQSMessage copy = new SQSEvent.SQSMessage();
        copy.setMessageId(UUID.randomUUID().toString()); // a distinct queue record carrying the same wamid
        copy.setBody(original.getBody());
        copy.setAttributes(original.getAttributes());
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(copy));
        return event;
    }

    private long version(String customerKey) {
        Map<String, AttributeValue> item = dynamo.item(Keys.customer(customerKey));
        return Long.parseLong(item.get("version").n());
    }
}
