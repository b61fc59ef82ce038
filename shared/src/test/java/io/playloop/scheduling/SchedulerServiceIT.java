package io.playloop.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.campaign.Campaign;
import io.playloop.campaign.CampaignSource;
import io.playloop.campaign.Outreach;
import io.playloop.campaign.ReminderRule;
import io.playloop.campaign.SendingLimits;
import io.playloop.engine.Customer;
import io.playloop.ledger.LedgerResult;
import io.playloop.ledger.PointsAccount;
import io.playloop.outreach.ReminderKind;
import io.playloop.store.Commit;
import io.playloop.store.InboundReceipt;
import io.playloop.store.PointsWrite;
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
import io.playloop.testing.NoStoredCampaign;
import io.playloop.testing.TestClock;
import io.playloop.whatsapp.webhook.DeliveryFailure;
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
    private SchedulerWorld world;
    private LocalDynamo dynamo;
    private DynamoGameStore store;
    private SchedulerService scheduler;

    @BeforeEach
    void startWithTheDemo() {
        start(DemoCampaign.get());
    }

    private void start(Campaign campaign) {
        if (world != null) {
            world.close();
        }
        world = new SchedulerWorld(campaign, clock, graph);
        dynamo = world.dynamo;
        store = world.store;
        scheduler = world.scheduler();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private void says(String waId, String text) {
        world.says(waId, "Léa", text);
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

    private void seedPoints(String waId, long points, Instant expiresAt) {
        world.seedPoints(waId, points, expiresAt);
    }

    @Test
    void pointsExpireOnTimeAndTheLedgerSaysSo() {
        says(LEA, "START");
        seedPoints(LEA, 30, T0.plus(Duration.ofDays(1)));
        says(LEA, "POINTS"); // the grant brought the next look to the lot's expiry; a step leaves it there

        clock.advance(Duration.ofDays(1).plusMinutes(5));
        RunSummary run = scheduler.run(Duration.ofMinutes(1));

        assertThat(run.expired()).isEqualTo(1);
        assertThat(dynamo.items()).anySatisfy(item -> {
            assertThat(item.get("sk").s()).startsWith("LEDGER#EXPIRE#");
            assertThat(item.get("pk").s()).isEqualTo("CUSTOMER#" + LEA);
        });
        assertThat(store.load(LEA, "wamid.none", clock.instant()).points().account().balance(clock.instant()))
                .isZero();
    }

    @Test
    void aRewardPastItsValidityIsMarkedExpiredWithItsCoupon() {
        says(LEA, "START");
        seedPoints(LEA, 60, T0.plus(Duration.ofDays(300)));
        says(LEA, "REDEEM 1");
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> reward = dynamo.items().stream()
                .filter(i -> i.get("sk").s().startsWith("REWARD#")).findFirst().orElseThrow();
        String code = reward.get("code").s();

        clock.advance(Duration.ofDays(14).plusHours(1));
        RunSummary run = scheduler.run(Duration.ofMinutes(1));

        assertThat(run.expired()).isEqualTo(1);
        assertThat(dynamo.item(java.util.Map.of("pk", reward.get("pk"), "sk", reward.get("sk"))).get("status").s())
                .isEqualTo("EXPIRED");
        assertThat(dynamo.item(Keys.coupon(code)).get("status").s()).isEqualTo("EXPIRED");
    }

    @Test
    void metaSaying131050StopsMarketingTemplatesButNotUtilityOnes() {
        says(LEA, "START");
        seedPoints(LEA, 60, T0.plus(Duration.ofDays(300)));
        says(LEA, "REDEEM 1");                     // a coffee valid 14 days: "expiring" is a utility template
        int replies = graph.sent().size();
        clock.advance(Duration.ofDays(3));
        graph.failNext(1, 400, 131050);

        RunSummary run = scheduler.run(Duration.ofMinutes(1));         // the marketing nudge: refused
        clock.advance(Duration.ofDays(9));                             // 2 days before the coffee expires
        RunSummary expiring = scheduler.run(Duration.ofMinutes(1));

        assertThat(run.sent()).isZero();
        assertThat(dynamo.item(Keys.schedule(LEA))).containsKey("marketingStoppedAt");
        assertThat(store.load(LEA, "wamid.none", clock.instant()).customer().orElseThrow().consent().proactive())
                .as("utility messages still allowed").isTrue();
        assertThat(expiring.sent()).isEqualTo(1);
        assertThat(proactive(replies)).singleElement().satisfies(m ->
                assertThat(((TemplateMessage) m).name()).isEqualTo("playloop_reward_expiring"));
    }

    @Test
    void theCampaignsMoneyBudgetStopsPaidSends() {
        Campaign demo = DemoCampaign.get();
        Outreach o = nudgeAfter(Duration.ofDays(3)).outreach();
        start(demo.withOutreach(new Outreach(o.contactBudget(), o.overBudget(), o.reminders(), o.templates(),
                o.fees(), Optional.of(new java.math.BigDecimal("0.20")), o.sending())));
        says(LEA, "START");
        says("33698765432", "START");
        clock.advance(Duration.ofDays(3));

        RunSummary run = scheduler.run(Duration.ofMinutes(1));

        // A marketing template to France is estimated at 0.1432 EUR: the second one would pass 0.20.
        assertThat(run.templates()).isEqualTo(1);
        assertThat(run.skipped()).isEqualTo(1);
        assertThat(dynamo.item(Keys.campaignSpend("demo")).get("spentMicros").n()).isEqualTo("143200");
    }

    @Test
    void metasMessagingLimitDefersNewCustomersUntilTheDayMovesOn() {
        Outreach o = nudgeAfter(Duration.ofDays(3)).outreach();
        start(DemoCampaign.get().withOutreach(new Outreach(o.contactBudget(), o.overBudget(), o.reminders(),
                o.templates(), o.fees(), o.moneyBudget(), new SendingLimits(20, 1))));
        says(LEA, "START");
        says("33698765432", "START");
        clock.advance(Duration.ofDays(3));

        RunSummary first = scheduler.run(Duration.ofMinutes(1));
        clock.advance(Duration.ofHours(26));
        RunSummary dayAfter = scheduler.run(Duration.ofMinutes(1));

        assertThat(first.templates()).isEqualTo(1);
        assertThat(first.deferred()).isEqualTo(1);
        assertThat(dayAfter.templates()).isEqualTo(1);
    }

    private DeliveryFailures failures() {
        return new DeliveryFailures(dynamo.client(), dynamo.tableName(), new CapacityMeter(), clock);
    }

    /** The wamid Meta gave the one proactive message the scheduler recorded. */
    private String sentWamid() {
        return dynamo.items().stream().filter(i -> i.get("pk").s().startsWith("OUTBOUND#"))
                .map(i -> i.get("pk").s().substring("OUTBOUND#".length())).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void aPerUserMarketingLimitReportedLate_reopensTheReminderADayLater_once() {
        says(LEA, "START");
        int replies = graph.sent().size();
        clock.advance(Duration.ofDays(3));
        scheduler.run(Duration.ofMinutes(1));
        String wamid = sentWamid();

        DeliveryFailures.Result first = failures().apply(new DeliveryFailure(wamid, LEA, 131049, clock.instant()));
        DeliveryFailures.Result again = failures().apply(new DeliveryFailure(wamid, LEA, 131049, clock.instant()));
        RunSummary soon = scheduler.run(Duration.ofMinutes(1));
        clock.advance(Duration.ofHours(24).plusMinutes(5));
        RunSummary dayAfter = scheduler.run(Duration.ofMinutes(1));

        assertThat(first).isEqualTo(DeliveryFailures.Result.REOPENED);
        assertThat(again).isEqualTo(DeliveryFailures.Result.ALREADY_APPLIED);
        assertThat(soon.sent()).isZero();
        assertThat(dayAfter.sent()).isEqualTo(1);
        assertThat(proactive(replies)).hasSize(2).allSatisfy(m -> assertThat(m).isInstanceOf(TemplateMessage.class));
    }

    @Test
    void aWindowClosedReportedLate_sendsTheReminderAgainAsATemplate() {
        start(nudgeAfter(Duration.ofHours(6)));
        says(LEA, "START");
        int replies = graph.sent().size();
        clock.advance(Duration.ofHours(6));
        scheduler.run(Duration.ofMinutes(1));

        DeliveryFailures.Result result = failures().apply(new DeliveryFailure(sentWamid(), LEA, 131047,
                clock.instant()));
        clock.advance(Duration.ofMinutes(5));
        RunSummary retry = scheduler.run(Duration.ofMinutes(1));

        assertThat(result).isEqualTo(DeliveryFailures.Result.REOPENED);
        assertThat(retry.templates()).isEqualTo(1);
        assertThat(proactive(replies)).hasSize(2);
        assertThat(proactive(replies).get(0)).isInstanceOf(ButtonMessage.class);
        assertThat(proactive(replies).get(1)).isInstanceOf(TemplateMessage.class);
    }

    @Test
    void stoppedMarketingReportedLate_recordsTheOptOut_andAReplysFailureIsNotAReminder() {
        says(LEA, "START");
        clock.advance(Duration.ofDays(3));
        scheduler.run(Duration.ofMinutes(1));

        DeliveryFailures.Result result = failures().apply(new DeliveryFailure(sentWamid(), LEA, 131050,
                clock.instant()));
        DeliveryFailures.Result reply = failures().apply(new DeliveryFailure("wamid.a-reply", LEA, 131047,
                clock.instant()));

        assertThat(result).isEqualTo(DeliveryFailures.Result.OPTED_OUT);
        assertThat(dynamo.item(Keys.schedule(LEA))).containsKey("marketingStoppedAt");
        assertThat(reply).isEqualTo(DeliveryFailures.Result.NOT_A_REMINDER);
    }

    @Test
    void aReferrerHearsWithinMinutesThatAFriendMadeItCount_once() {
        says(LEA, "START");
        says(LEA, "REFER");
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("\\b([2-9A-HJKMNP-Z]{8})\\b")
                .matcher(graph.sent().get(graph.sent().size() - 1).bodyText());
        assertThat(code.find()).isTrue();
        String friend = "33698765432";
        says(friend, "Salut ! Mon code : " + code.group(1));
        says(friend, "oui");
        says(friend, "SPIN");                       // a qualifying action: the referral counts
        int replies = graph.sent().size();

        clock.advance(Duration.ofMinutes(5));
        RunSummary run = scheduler.run(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(5));
        RunSummary again = scheduler.run(Duration.ofMinutes(1));

        List<OutboundMessage> toLea = proactive(replies).stream().filter(m -> m.to().equals("+" + LEA)).toList();
        assertThat(run.sent()).isEqualTo(1);
        assertThat(again.sent()).isZero();
        assertThat(toLea).singleElement().satisfies(m -> {
            assertThat(m).isInstanceOf(ButtonMessage.class);      // Léa wrote minutes ago: inside the window
            assertThat(m.bodyText()).contains("A friend you invited just joined").contains("1");
        });
    }

    @Test
    void aPerUserMarketingLimitReportedTwoDaysLate_isReopenedInAnHourTheSchedulerStillReads() {
        says(LEA, "START");
        clock.advance(Duration.ofDays(3));
        scheduler.run(Duration.ofMinutes(1));
        String wamid = sentWamid();
        Instant failedAt = clock.instant();
        // The scheduler keeps running every hour while the status waits (ingest down, Meta redelivering).
        for (int h = 0; h < 48; h++) {
            clock.advance(Duration.ofHours(1));
            scheduler.run(Duration.ofMinutes(1));
        }

        DeliveryFailures.Result result = failures().apply(new DeliveryFailure(wamid, LEA, 131049, failedAt));
        String bucketAfter = dynamo.item(Keys.schedule(LEA)).get("gsi1pk").s();
        String readFrom = io.playloop.store.ScheduleItems.bucket(clock.instant().minus(Duration.ofMinutes(10)), 0);

        assertThat(result).isEqualTo(DeliveryFailures.Result.REOPENED);
        assertThat(bucketAfter.substring(0, bucketAfter.lastIndexOf('#')))
                .as("the reopened schedule's index hour is one the scheduler still reads")
                .isGreaterThanOrEqualTo(readFrom.substring(0, readFrom.lastIndexOf('#')));
    }

    @Test
    void a131050AnsweredWhileAFriendsStepWritesTheSchedule_isStillRecorded() {
        says(LEA, "START");
        clock.advance(Duration.ofDays(3));
        java.util.concurrent.atomic.AtomicBoolean raced = new java.util.concurrent.atomic.AtomicBoolean();
        io.playloop.whatsapp.outbound.GraphApi racing = message -> {
            if (raced.compareAndSet(false, true)) {
                // While Meta answers, a friend's step brings the customer's next look forward (lookSoon).
                store.lookSoon(LEA, clock.instant());
                throw new io.playloop.whatsapp.outbound.GraphApiException(new io.playloop.whatsapp.outbound.GraphError(
                        400, 131050, 0, "OAuthException", "stopped marketing", null, "trace"));
            }
            return graph.send(message);
        };
        SchedulerService racingScheduler = world.scheduler(dynamo.client(), racing);

        RunSummary run = racingScheduler.run(Duration.ofMinutes(1));

        assertThat(raced).isTrue();
        assertThat(dynamo.item(Keys.schedule(LEA))).as("Meta's 131050 is recorded").containsKey("marketingStoppedAt");
        assertThat(run.sent()).isZero();
        assertThat(dynamo.item(Keys.schedule(LEA))).as("the refused nudge no longer counts").doesNotContainKey("sent");
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
