package io.playloop.game;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.campaign.DemoCampaign;
import io.playloop.engine.Engine;
import io.playloop.engine.MessageCatalog;
import io.playloop.store.CapacityMeter;
import io.playloop.testing.InMemoryGameStore;
import io.playloop.testing.RecordingGraphApi;
import io.playloop.whatsapp.outbound.OutboundMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

// Unit tier: the handler over the real engine, with an in-memory store and a recording Graph API.
class GameHandlerTest {
    /** events/game/sqs-batch.json: Léa (+33) sends POINTS then STOP; Mohammed (+971) sends نقاط. */
    private static final String BATCH = "../../events/game/sqs-batch.json";
    private static final String LEA_POINTS = "059f36b4-87a3-44ab-83d2-661975830a7d";
    private static final String LEA_STOP = "2e1424d4-f796-459a-8184-9c92662be6da";

    private final InMemoryGameStore store = new InMemoryGameStore();
    private final RecordingGraphApi graph = new RecordingGraphApi();
    private final Clock clock = Clock.fixed(Instant.parse("2025-11-21T10:00:10Z"), ZoneOffset.UTC);
    private final GameHandler handler = new GameHandler(
            new MessageProcessor(store, new Engine(DemoCampaign.get(), MessageCatalog.bundled(), "Café Lumière"), graph, clock,
                    new ObjectMapper()),
            new CapacityMeter());

    @Test
    void aBatchOfThreeCustomerMessages_isProcessedWithOneReplyEach() {
        SQSBatchResponse response = handler.handleRequest(EventLoader.loadSQSEvent(BATCH), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(graph.sent()).extracting(OutboundMessage::to)
                .containsExactly("+33612345678", "+33612345678", "+971501234567");
        assertThat(store.consentHistory()).singleElement().satisfies(c -> assertThat(c.proactive()).isFalse());
    }

    @Test
    void aFailedRecord_failsItselfAndTheLaterRecordsOfTheSameCustomer_only() {
        graph.failNext(1, 500, 131000); // Léa's POINTS reply fails

        SQSBatchResponse response = handler.handleRequest(EventLoader.loadSQSEvent(BATCH), null);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(LEA_POINTS, LEA_STOP);
        // Mohammed, in another message group, is answered in the same batch.
        assertThat(graph.sent()).extracting(OutboundMessage::to).containsExactly("+971501234567");
        // Léa's STOP was not applied ahead of her POINTS: her order is kept.
        assertThat(store.consentHistory()).isEmpty();
    }

    @Test
    void theRedeliveredBatch_sendsThePendingReplyAndAppliesTheRestOnce() {
        graph.failNext(1, 500, 131000);
        SQSEvent batch = EventLoader.loadSQSEvent(BATCH);
        handler.handleRequest(batch, null);

        SQSBatchResponse retry = handler.handleRequest(onlyRecords(batch, LEA_POINTS, LEA_STOP), null);

        assertThat(retry.getBatchItemFailures()).isEmpty();
        assertThat(graph.sent()).extracting(OutboundMessage::to)
                .containsExactly("+971501234567", "+33612345678", "+33612345678");
        assertThat(store.commits()).isEqualTo(3);
    }

    @Test
    void aPoisonRecord_isFailedAlone() {
        SQSEvent batch = EventLoader.loadSQSEvent(BATCH);
        SQSEvent.SQSMessage poison = batch.getRecords().get(2);
        poison.setBody("{\"not\":\"an inbound record\"}");

        SQSBatchResponse response = handler.handleRequest(batch, null);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(poison.getMessageId());
        assertThat(graph.sent()).hasSize(2);
    }

    @Test
    void snapStartPriming_neverWritesNorSends() {
        handler.prime();

        assertThat(store.commits()).isZero();
        assertThat(graph.sent()).isEmpty();
    }

    private static SQSEvent onlyRecords(SQSEvent event, String... ids) {
        List<String> wanted = List.of(ids);
        SQSEvent copy = new SQSEvent();
        copy.setRecords(event.getRecords().stream().filter(r -> wanted.contains(r.getMessageId())).toList());
        return copy;
    }
}
