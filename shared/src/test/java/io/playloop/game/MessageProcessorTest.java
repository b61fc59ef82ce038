package io.playloop.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.campaign.DemoCampaign;
import io.playloop.engine.Engine;
import io.playloop.engine.MessageCatalog;
import io.playloop.store.InboundReceipt;
import io.playloop.testing.InMemoryGameStore;
import io.playloop.testing.Messages;
import io.playloop.testing.RecordingGraphApi;
import io.playloop.testing.TestClock;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.outbound.GraphApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MessageProcessorTest {
    private static final Instant SENT = Instant.parse("2026-11-20T10:00:00Z");
    private static final String WA_ID = "33612345678";

    private final InMemoryGameStore store = new InMemoryGameStore();
    private final RecordingGraphApi graph = new RecordingGraphApi();
    private final TestClock clock = new TestClock(SENT.plusSeconds(2));
    private final MessageProcessor processor = new MessageProcessor(store,
            new Engine(DemoCampaign.get(), MessageCatalog.bundled(), "Café Lumière"), graph, clock, new ObjectMapper());

    @Test
    void firstMessage_commitsTheCustomerAndRepliesOnce() {
        ProcessingResult result = processor.process(points("wamid.A"), "sqs-1");

        assertThat(result).isEqualTo(ProcessingResult.REPLIED);
        assertThat(graph.sent()).hasSize(1);
        assertThat(graph.sent().get(0).to()).isEqualTo("+" + WA_ID);
        assertThat(store.customer(WA_ID)).get().extracting(c -> c.version()).isEqualTo(1L);
        assertThat(store.receipt("wamid.A")).get().extracting(InboundReceipt::status)
                .isEqualTo(InboundReceipt.Status.REPLIED);
    }

    @Test
    void sameWamidFromAnotherDelivery_changesNothingAndSendsNothing() {
        processor.process(points("wamid.A"), "sqs-1");

        ProcessingResult again = processor.process(points("wamid.A"), "sqs-2");

        assertThat(again).isEqualTo(ProcessingResult.DUPLICATE);
        assertThat(graph.sent()).hasSize(1);
        assertThat(store.commits()).isEqualTo(1);
    }

    @Test
    void duplicateSixDaysLater_isStillRecognised() {
        processor.process(points("wamid.A"), "sqs-1");
        clock.advance(Duration.ofDays(6));

        assertThat(processor.process(points("wamid.A"), "sqs-9")).isEqualTo(ProcessingResult.DUPLICATE);
        assertThat(store.commits()).isEqualTo(1);
    }

    @Test
    void retryableGraphFailure_failsTheRecord_andItsRedeliveryResendsTheSameReplyWithoutReapplying() {
        graph.failNext(1, 500, 131000);

        assertThatThrownBy(() -> processor.process(points("wamid.A"), "sqs-1"))
                .isInstanceOf(GraphApiException.class);
        assertThat(store.commits()).isEqualTo(1);
        assertThat(store.receipt("wamid.A")).get().extracting(InboundReceipt::status)
                .isEqualTo(InboundReceipt.Status.REPLY_PENDING);

        ProcessingResult retry = processor.process(points("wamid.A"), "sqs-1");

        assertThat(retry).isEqualTo(ProcessingResult.REPLY_RESENT);
        assertThat(graph.sent()).hasSize(1);
        assertThat(store.commits()).isEqualTo(1);
        assertThat(store.receipt("wamid.A")).get().extracting(InboundReceipt::status)
                .isEqualTo(InboundReceipt.Status.REPLIED);
    }

    @Test
    void pendingReplyOfAnotherRecord_isLeftToThatRecord_untilItHasHadTimeToGiveUp() {
        graph.failNext(1, 503, 0);
        assertThatThrownBy(() -> processor.process(points("wamid.A"), "sqs-1"))
                .isInstanceOf(GraphApiException.class);

        assertThat(processor.process(points("wamid.A"), "sqs-2")).isEqualTo(ProcessingResult.DUPLICATE);
        assertThat(graph.sent()).isEmpty();

        clock.advance(MessageProcessor.PENDING_TAKEOVER_AFTER.plusMinutes(1));
        assertThat(processor.process(points("wamid.A"), "sqs-2")).isEqualTo(ProcessingResult.REPLY_RESENT);
        assertThat(graph.sent()).hasSize(1);
    }

    @Test
    void permanentGraphRefusal_isNotRetried() {
        graph.failNext(1, 400, 131026);

        assertThat(processor.process(points("wamid.A"), "sqs-1")).isEqualTo(ProcessingResult.REPLY_REFUSED);
        assertThat(store.commits()).isEqualTo(1);
    }

    @Test
    void messageOlderThanTheServiceWindow_changesStateButGetsNoReply() {
        clock.set(SENT.plus(Duration.ofHours(25)));

        ProcessingResult result = processor.process(Messages.text("wamid.S", WA_ID, "Léa", "STOP", SENT), "sqs-1");

        assertThat(result).isEqualTo(ProcessingResult.NO_REPLY);
        assertThat(graph.sent()).isEmpty();
        assertThat(store.consentHistory()).singleElement()
                .satisfies(c -> assertThat(c.proactive()).isFalse())
                .satisfies(c -> assertThat(c.wamid()).isEqualTo("wamid.S"));
    }

    @Test
    void sameMessageDeliveredConcurrently_isAppliedAndAnsweredOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ProcessingResult>> tasks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String delivery = "sqs-" + i;
                tasks.add(() -> processor.process(points("wamid.A"), delivery));
            }
            List<ProcessingResult> results = new ArrayList<>();
            for (Future<ProcessingResult> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            assertThat(results).filteredOn(r -> r == ProcessingResult.REPLIED).hasSize(1);
            assertThat(results).filteredOn(r -> r == ProcessingResult.DUPLICATE).hasSize(15);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.commits()).isEqualTo(1);
        assertThat(graph.sent()).hasSize(1);
    }

    private static InboundMessage points(String wamid) {
        return Messages.text(wamid, WA_ID, "Léa", "POINTS", SENT);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("the erasure goes to the rewards queue only after the reply announcing it; a failed "
            + "send keeps it in the receipt, and the redelivery sends both, in that order")
    void theErasureJob_followsTheReply_evenAcrossAFailedSend() {
        List<String> events = new ArrayList<>();
        io.playloop.whatsapp.outbound.GraphApi recorded = message -> {
            io.playloop.whatsapp.outbound.SendResult sent = graph.send(message);
            events.add("reply: " + message.bodyText());
            return sent;
        };
        io.playloop.games.quiz.OptionIds ids = new io.playloop.games.quiz.OptionIds(
                "test-key-of-sixteen-bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Engine engine = new Engine(DemoCampaign.get(), MessageCatalog.bundled(), "Café Lumière", () -> ids,
                java.util.SplittableRandom::new);
        MessageProcessor withQueue = new MessageProcessor(store, () -> engine, recorded, clock, new ObjectMapper(),
                io.playloop.games.leaderboard.LeaderboardReader.NONE,
                jobs -> jobs.forEach(job -> events.add("job: " + job.kind())));
        withQueue.process(Messages.text("wamid.A", WA_ID, "Léa", "bonjour", SENT), "sqs-1");
        withQueue.process(Messages.text("wamid.B", WA_ID, "Léa", "supprimer mes données", SENT.plusSeconds(1)), "sqs-2");
        io.playloop.whatsapp.outbound.ButtonMessage question =
                (io.playloop.whatsapp.outbound.ButtonMessage) graph.sent().get(graph.sent().size() - 1);
        InboundMessage confirm = Messages.buttonReply("wamid.C", WA_ID, question.buttons().get(0).id(),
                question.buttons().get(0).title(), null, SENT.plusSeconds(2));
        events.clear();
        graph.failNext(1, 500, 131000);

        assertThatThrownBy(() -> withQueue.process(confirm, "sqs-3")).isInstanceOf(GraphApiException.class);
        assertThat(events).as("nothing erases before the reply has gone").isEmpty();
        assertThat(store.receipt("wamid.C").orElseThrow().jobsPending()).isTrue();

        assertThat(withQueue.process(confirm, "sqs-3")).isEqualTo(ProcessingResult.REPLY_RESENT);
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).startsWith("reply: ").contains("suppression");
        assertThat(events.get(1)).isEqualTo("job: ERASE");
        assertThat(store.receipt("wamid.C").orElseThrow().jobsPending()).isFalse();
    }
}
