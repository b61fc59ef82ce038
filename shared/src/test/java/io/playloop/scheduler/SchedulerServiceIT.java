package io.playloop.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.campaign.Campaign;
import io.playloop.campaign.CampaignSource;
import io.playloop.campaign.Outreach;
import io.playloop.campaign.ReminderRule;
import java.time.LocalTime;
import java.util.Map;
import io.playloop.campaign.CampaignStore;
import io.playloop.campaign.DemoCampaign;
import io.playloop.config.PlayLoopConfig;
import io.playloop.engine.Engine;
import io.playloop.engine.MessageCatalog;
import io.playloop.game.MessageProcessor;
import io.playloop.store.CapacityMeter;
import io.playloop.store.DynamoGameStore;
import io.playloop.store.DynamoLeaderboardReader;
import io.playloop.store.DynamoSchedulerStore;
import io.playloop.store.Keys;
import io.playloop.testing.LocalDynamo;
import io.playloop.testing.Messages;
import io.playloop.testing.RecordingGraphApi;
import io.playloop.testing.TestClock;
import io.playloop.whatsapp.outbound.ButtonMessage;
import io.playloop.whatsapp.outbound.OutboundMessage;
import io.playloop.whatsapp.outbound.TemplateMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scheduler over DynamoDB Local, with customers whose state the real game step wrote. */
class SchedulerServiceIT {
    /** Monday 12:00 in Paris. */
    private static final Instant T0 = Instant.parse("2026-11-23T11:00:00Z");
    private static final String LEA = "33612345678";

    private final TestClock clock = new TestClock(T0);
    private final RecordingGraphApi graph = new RecordingGraphApi();
    private LocalDynamo dynamo;
    private MessageProcessor processor;
    private SchedulerService scheduler;
    private final AtomicInteger wamids = new AtomicInteger();

    @BeforeEach
    void startWithTheDemo() {
        start(DemoCampaign.get());
    }

    private void start(Campaign campaign) {
        if (dynamo != null) {
            dynamo.close();
        }
        dynamo = LocalDynamo.create();
        CapacityMeter meter = new CapacityMeter();
        DynamoGameStore store = new DynamoGameStore(dynamo.client(), dynamo.tableName(), meter);
        Engine engine = new Engine(campaign, MessageCatalog.bundled(), "Café Lumière", () -> null,
                SplittableRandom::new, "secret".getBytes(StandardCharsets.UTF_8));
        processor = new MessageProcessor(store, () -> engine, graph, clock, new ObjectMapper());
        PlayLoopConfig config = new PlayLoopConfig(dynamo.tableName(), null, null, null, "100000000000001", "Café",
                "en");
        CampaignStore none = new CampaignStore() {
            @Override
            public Optional<io.playloop.campaign.ActivePointer> activePointer() {
                return Optional.empty();
            }

            @Override
            public Optional<String> versionJson(String campaignId, int version) {
                return Optional.empty();
            }
        };
        scheduler = new SchedulerService(new DynamoSchedulerStore(dynamo.client(), dynamo.tableName(), meter),
                new DynamoLeaderboardReader(dynamo.client(), dynamo.tableName(), meter), config, graph,
                new CampaignSource(none, clock, Duration.ofMinutes(1), () -> campaign), clock, System::nanoTime,
                nanos -> { });
    }

    @AfterEach
    void stop() {
        dynamo.close();
    }

    private void says(String waId, String text) {
        String wamid = "wamid.in-" + wamids.incrementAndGet();
        processor.process(Messages.text(wamid, waId, "Léa", text, clock.instant()), "sqs-" + wamid);
    }

    private List<OutboundMessage> proactive(int repliesBefore) {
        List<OutboundMessage> all = graph.sent();
        return all.subList(repliesBefore, all.size());
    }

    @Test
    void aCustomerInactiveThreeDaysGetsOneNudgeAsATemplateOnceTheWindowIsClosed() {
        says(LEA, "START");
        says(LEA, "POINTS");
        int replies = graph.sent().size();
        assertThat(dynamo.item(Keys.schedule(LEA))).as("the game indexed the customer").containsKey("gsi1pk");

        clock.advance(Duration.ofDays(2));
        RunSummary early = scheduler.run(Duration.ofMinutes(1));
        clock.advance(Duration.ofDays(1));
        RunSummary due = scheduler.run(Duration.ofMinutes(1));
        clock.advance(Duration.ofHours(6));
        RunSummary after = scheduler.run(Duration.ofMinutes(1));

        assertThat(early.sent()).isZero();
        assertThat(early.indexItemsRead()).isZero();
        assertThat(due.sent()).isEqualTo(1);
        assertThat(due.templates()).isEqualTo(1);
        assertThat(due.indexItemsRead()).isEqualTo(1);
        assertThat(after.sent()).isZero();
        TemplateMessage nudge = (TemplateMessage) proactive(replies).get(0);
        assertThat(nudge.name()).isEqualTo("playloop_nudge");
        assertThat(nudge.languageCode()).isEqualTo("en_US");
        assertThat(nudge.bodyParameters()).hasSize(2).first().asString().contains("Léa");
        assertThat(proactive(replies)).hasSize(1);
    }

    @Test
    void theGameIndexesTheNextLookThreeDaysAfterTheLastMessage() {
        says(LEA, "START");
        int replies = graph.sent().size();
        // No reward in this test: the next look is the nudge, 3 days after the last message.
        assertThat(dynamo.item(Keys.schedule(LEA)).get("dueAt").s())
                .isEqualTo(Keys.sortable(T0.plus(Duration.ofDays(3))));
        assertThat(proactive(replies)).isEmpty();
    }

    @Test
    void aSendRefusedWith130429IsDeliveredLaterNeverDropped() {
        says(LEA, "START");
        int replies = graph.sent().size();
        clock.advance(Duration.ofDays(3));
        graph.failNext(1, 400, 130429);

        RunSummary refused = scheduler.run(Duration.ofMinutes(1));
        RunSummary tooSoon = scheduler.run(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(2));
        RunSummary later = scheduler.run(Duration.ofMinutes(1));

        assertThat(refused.sent()).isZero();
        assertThat(refused.deferred()).isEqualTo(1);
        assertThat(tooSoon.sent()).isZero();
        assertThat(later.sent()).isEqualTo(1);
        assertThat(proactive(replies)).singleElement().isInstanceOf(TemplateMessage.class);
    }

    @Test
    void afterStopNothingIsSent() {
        says(LEA, "START");
        says(LEA, "STOP");
        int replies = graph.sent().size();
        clock.advance(Duration.ofDays(3));

        RunSummary run = scheduler.run(Duration.ofMinutes(1));

        assertThat(run.sent()).isZero();
        assertThat(proactive(replies)).isEmpty();
    }

    @Test
    void insideTheWindowAReminderIsInteractiveAndAWindowMetaSaysIsClosedIsRetriedAsATemplateAtOnce() {
        start(nudgeAfter(Duration.ofHours(6)));
        says(LEA, "START");
        says("33698765432", "START");
        int replies = graph.sent().size();
        clock.advance(Duration.ofHours(6)); // 18:00 in Paris, the window open

        RunSummary first = scheduler.run(Duration.ofMinutes(1));
        List<OutboundMessage> sent = proactive(replies);
        assertThat(first.sent()).isEqualTo(2);
        assertThat(sent).allSatisfy(m -> assertThat(m).isInstanceOf(ButtonMessage.class));
        assertThat(((ButtonMessage) sent.get(0)).buttons()).extracting(ButtonMessage.Button::id)
                .containsExactly("cmd:PLAY", "cmd:POINTS");

        // Next spell: Meta refuses the free-form message (its window differs from ours): a template goes at once.
        clock.advance(Duration.ofHours(15)); // Tuesday 09:00
        says(LEA, "POINTS");
        replies = graph.sent().size();
        clock.advance(Duration.ofHours(6));
        graph.failNext(1, 400, 131047);
        RunSummary second = scheduler.run(Duration.ofMinutes(1));

        assertThat(second.sent()).isEqualTo(1);
        assertThat(second.templates()).isEqualTo(1);
        assertThat(proactive(replies)).singleElement().isInstanceOf(TemplateMessage.class);
    }

    @Test
    void aRunOutOfTimeLeavesTheRestForTheNextRun() {
        says(LEA, "START");
        says("33698765432", "START");
        int replies = graph.sent().size();
        clock.advance(Duration.ofDays(3));

        RunSummary none = scheduler.run(Duration.ZERO);
        RunSummary next = scheduler.run(Duration.ofMinutes(1));

        assertThat(none.finished()).isFalse();
        assertThat(none.sent()).isZero();
        assertThat(next.finished()).isTrue();
        assertThat(next.sent()).isEqualTo(2);
        assertThat(proactive(replies)).hasSize(2);
    }

    /** The demo campaign with only the inactivity nudge, after {@code lead}. */
    private static Campaign nudgeAfter(Duration lead) {
        Campaign demo = DemoCampaign.get();
        Outreach o = demo.outreach();
        return demo.withOutreach(new Outreach(o.contactBudget(), o.overBudget(), Map.of(ReminderKind.INACTIVITY,
                new ReminderRule(ReminderKind.INACTIVITY, lead, LocalTime.of(10, 0), 0, Optional.of("nudge"))),
                o.templates(), o.fees(), o.moneyBudget(), o.sending()));
    }
}
