package io.playloop.game;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.campaign.DemoCampaign;
import io.playloop.engine.Engine;
import io.playloop.engine.MessageCatalog;
import io.playloop.batch.DeadLetterQueue;
import io.playloop.definitions.TemplateDefinitions;
import io.playloop.store.InboundReceipt;
import io.playloop.testing.InMemoryGameStore;
import io.playloop.testing.InMemoryRecordFailures;
import io.playloop.testing.Messages;
import io.playloop.testing.RecordingDeadLetterQueue;
import io.playloop.testing.RecordingGraphApi;
import io.playloop.testing.TestClock;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.inbound.InboundMessageCodec;
import io.playloop.whatsapp.outbound.OutboundMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

// Unit tier: the handler over the real engine, with an in-memory store and a recording Graph API.
class GameHandlerTest {
    /** events/game/sqs-batch.json: Léa (+33) sends POINTS then STOP; Mohammed (+971) sends نقاط. */
    private static final String BATCH = "../../events/game/sqs-batch.json";
    private static final String LEA_POINTS = "059f36b4-87a3-44ab-83d2-661975830a7d";
    private static final String LEA_STOP = "2e1424d4-f796-459a-8184-9c92662be6da";

    private static final String LEA = "33612345678";
    private static final Instant SENT = Instant.parse("2025-11-21T10:00:00Z");

    private final InMemoryGameStore store = new InMemoryGameStore();
    private final RecordingGraphApi graph = new RecordingGraphApi();
    private final TestClock clock = new TestClock(Instant.parse("2025-11-21T10:00:10Z"));
    private final RecordingDeadLetterQueue deadLetters = new RecordingDeadLetterQueue();
    private final InMemoryRecordFailures failures = new InMemoryRecordFailures();
    private final GameHandler handler = new GameHandler(GameHandler.Dependencies.builder()
            .processor(new MessageProcessor(new KeySizeLimitedStore(store),
                    new Engine(DemoCampaign.get(), MessageCatalog.bundled(), "Café Lumière"), graph, clock,
                    new ObjectMapper()))
            .recordFailures(failures).deadLetters(deadLetters).clock(clock).build());
    private final InboundMessageCodec codec = new InboundMessageCodec(new ObjectMapper());
    private final FifoQueueSimulation queue = new FifoQueueSimulation(
            TemplateDefinitions.bundled().queue("InboundQueue").orElseThrow(), clock);
    private int wamids;

    /** Queues a text from Léa, as ingest would. */
    private String says(String text) {
        return says("wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQzQTdGQjJBMEE1QjA0QjQ0QjM4RgA" + (++wamids), text);
    }

    private String says(String wamid, String text) {
        InboundMessage m = Messages.text(wamid, LEA, "Léa", text, SENT.plusSeconds(wamids));
        return queue.send(LEA, codec.write(m));
    }

    private void deliverAll() {
        queue.deliverAll(event -> handler.handleRequest(event, null), 200);
    }

    /** The ids of every record in a dead-letter queue: redriven by SQS or parked by the handler. */
    private List<String> deadLettered() {
        List<String> ids = new java.util.ArrayList<>();
        queue.redriven().forEach(m -> ids.add(m.getMessageId()));
        deadLetters.parked().forEach(p -> ids.add(p.record().id()));
        return ids;
    }

    @Test
    void theReproduction_aReplyThatFailsOnce_thenAPoisonRecord_thenThreePoints_givesFourReplies() {
        graph.failNext(1, 500, 131000);
        says("POINTS");
        deliverAll(); // the first attempt fails: its record stays on the queue, ahead of what follows
        String poison = says("wamid." + "X".repeat(3_000), "POINTS");
        says("POINTS");
        says("POINTS");
        says("POINTS");

        deliverAll();

        assertThat(queue.isEmpty()).isTrue();
        assertThat(graph.sent()).hasSize(4).allSatisfy(m -> assertThat(m.to()).isEqualTo("+" + LEA));
        assertThat(deadLettered()).containsExactly(poison);
        assertThat(failures.attempts(poison)).isEqualTo(GameHandler.RETRY_BUDGET.permanentAttempts());
    }

    @Test
    void aStop_behindAPoisonRecord_isStillHonoured() {
        String poison = says("wamid." + "X".repeat(3_000), "POINTS");
        says("STOP");

        deliverAll();

        assertThat(store.consentHistory()).singleElement().satisfies(c -> assertThat(c.proactive()).isFalse());
        assertThat(deadLettered()).containsExactly(poison);
        assertThat(deadLetters.parked()).singleElement().satisfies(p -> {
            assertThat(p.why().reason()).isEqualTo(DeadLetterQueue.Reason.PERMANENT_FAILURE);
            assertThat(p.why().errorType()).isEqualTo("DynamoDbException:ValidationException");
        });
    }

    @Test
    void innocentRecords_behindARecordFailingTransientlySeveralTimes_areAllProcessedInOrder() {
        graph.failNext(8, 503, 0); // the Graph API is down for 8 visibility timeouts
        says("POINTS");
        says("STOP");
        says("POINTS");
        says("START");

        deliverAll();

        assertThat(deadLettered()).isEmpty();
        assertThat(graph.sent()).hasSize(4);
        assertThat(store.consentHistory()).extracting(c -> c.proactive()).containsExactly(false, true);
    }

    @Test
    void aTransientFailureBeyondTheWindow_givesUpTheReply_notTheState() {
        clock.set(SENT.plus(Duration.ofHours(24)).minusSeconds(30)); // the customer's window closes in 30 s
        graph.failNext(1, 500, 131000);
        says("POINTS");

        deliverAll(); // fails once, and its retry comes after the window closed

        assertThat(queue.isEmpty()).isTrue();
        assertThat(deadLettered()).isEmpty();
        assertThat(graph.sent()).isEmpty();
        assertThat(store.commits()).isEqualTo(1);
        assertThat(store.customer(LEA)).isPresent();
        InboundReceipt receipt = store.load(LEA, "wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQzQTdGQjJBMEE1QjA0QjQ0QjM4RgA1",
                clock.instant()).receipt().orElseThrow();
        assertThat(receipt.status()).isNotEqualTo(InboundReceipt.Status.REPLY_PENDING);
    }

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
    void anUnreadableRecord_isSetAsideAtOnce_andTheRestOfTheBatchIsAnswered() {
        SQSEvent batch = EventLoader.loadSQSEvent(BATCH);
        SQSEvent.SQSMessage poison = batch.getRecords().get(2);
        poison.setBody("{\"not\":\"an inbound record\"}");

        SQSBatchResponse response = handler.handleRequest(batch, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(graph.sent()).hasSize(2);
        assertThat(deadLetters.parked()).singleElement().satisfies(p -> {
            assertThat(p.record().id()).isEqualTo(poison.getMessageId());
            assertThat(p.record().queue()).isEqualTo("playloop-inbound.fifo");
            assertThat(p.why().reason()).isEqualTo(DeadLetterQueue.Reason.UNREADABLE);
        });
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
