package io.playloop.game;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.campaign.DemoCampaign;
import io.playloop.engine.Engine;
import io.playloop.engine.MessageCatalog;
import io.playloop.games.leaderboard.WeekKey;
import io.playloop.games.quiz.AskedQuestion;
import io.playloop.games.quiz.OptionIds;
import io.playloop.games.referral.ReferralCode;
import io.playloop.store.CapacityMeter;
import io.playloop.store.DynamoGameStore;
import io.playloop.store.DynamoLeaderboardReader;
import io.playloop.store.Keys;
import io.playloop.testing.LocalDynamo;
import io.playloop.testing.Messages;
import io.playloop.testing.RecordingGraphApi;
import io.playloop.testing.TestClock;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.outbound.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Referrals, badges and the leaderboard through the message processor and DynamoDB Local: what the table
 * holds after each step, across two customers' transactions.
 */
class ProgressFlowIT {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final String REFERRER = "33612345678";
    private static final String FRIEND = "447700900123";
    private static final OptionIds IDS = new OptionIds("test-key-of-sixteen-bytes".getBytes(StandardCharsets.UTF_8));
    private static final byte[] SECRET = "referral-secret-for-tests".getBytes(StandardCharsets.UTF_8);

    private final AtomicInteger wamids = new AtomicInteger();
    private final RecordingGraphApi graph = new RecordingGraphApi();
    private final TestClock clock = new TestClock(T0);
    private LocalDynamo dynamo;
    private DynamoGameStore store;
    private MessageProcessor processor;

    @BeforeEach
    void start() {
        dynamo = LocalDynamo.create();
        CapacityMeter meter = new CapacityMeter();
        store = new DynamoGameStore(dynamo.client(), dynamo.tableName(), meter);
        Engine engine = new Engine(DemoCampaign.get(), MessageCatalog.bundled(), "Café Lumière", () -> IDS,
                () -> new SplittableRandom(3), SECRET);
        processor = new MessageProcessor(store, () -> engine, graph, clock, new ObjectMapper(),
                new DynamoLeaderboardReader(dynamo.client(), dynamo.tableName(), meter));
    }

    @AfterEach
    void stop() {
        dynamo.close();
    }

    private String say(String waId, String text) {
        return process(Messages.text("wamid.P" + wamids.incrementAndGet(), waId, "Léa", text, tick()));
    }

    private String answer(String waId) {
        say(waId, "quiz");
        AskedQuestion q = store.load(waId, "wamid.none", clock.instant()).quiz().session().current().orElseThrow();
        String id = q.optionIds(IDS, waId).get(q.options().indexOf(q.correctOption()));
        return process(Messages.buttonReply("wamid.P" + wamids.incrementAndGet(), waId, id, q.correctOption(), null,
                tick()));
    }

    private String process(InboundMessage m) {
        processor.process(m, "sqs-" + m.wamid());
        List<OutboundMessage> sent = graph.sent();
        return sent.get(sent.size() - 1).bodyText().replaceAll("[\u2066-\u2069]", "");
    }

    private Instant tick() {
        clock.advance(java.time.Duration.ofSeconds(10));
        return clock.instant();
    }

    private Map<String, AttributeValue> progressOf(String customer) {
        return dynamo.item(Keys.progress(customer));
    }

    @Test
    void aReferral_isRecordedOnTheReferrersSide_countsOnce_andPaysTheReferrerOnTheirNextMessage() {
        say(REFERRER, "hello");
        say(REFERRER, "refer");
        String code = progressOf(REFERRER).get("refCode").s();
        assertThat(dynamo.item(Keys.referralCode(code)).get("holder").s()).isEqualTo(REFERRER);

        String welcome = say(FRIEND, "Hi! Here is my code " + code);
        assertThat(welcome).contains("A friend invited you");
        assertThat(dynamo.item(Keys.referral(REFERRER, FRIEND)).get("state").s()).isEqualTo("PENDING");
        assertThat(progressOf(REFERRER).get("refAttributed").n()).isEqualTo("1");

        say(FRIEND, "start");
        answer(FRIEND);
        answer(FRIEND);
        assertThat(dynamo.item(Keys.referral(REFERRER, FRIEND)).get("state").s()).isEqualTo("QUALIFIED");
        assertThat(progressOf(REFERRER).get("refJoined").n()).isEqualTo("1");
        assertThat(dynamo.item(Keys.ledgerEntry(FRIEND, "GRANT#referral-friend"))).isNotNull();

        String points = say(REFERRER, "points");
        assertThat(points).contains("A friend you invited just played: +50 points! Friends joined so far: 1.")
                .contains("Invite 3 friends\n▰▱▱ 1 of 3");
        assertThat(dynamo.item(Keys.ledgerEntry(REFERRER, "GRANT#referral:1"))).isNotNull();
        assertThat(say(REFERRER, "points")).doesNotContain("A friend you invited");
        assertThat(progressOf(REFERRER).get("refCredited").n()).isEqualTo("1");
    }

    @Test
    void aBadge_isItsOwnRecord_andTheWeeksScoreGoesOnTheShardedIndex() {
        say(REFERRER, "hello");

        answer(REFERRER);
        String top = say(REFERRER, "top");

        assertThat(dynamo.item(Keys.badge(REFERRER, "first-quiz"))).isNotNull();
        String week = WeekKey.of(clock.instant(), DemoCampaign.get().timeZone());
        Map<String, AttributeValue> score = dynamo.item(Map.of(Keys.PK, AttributeValue.fromS("CUSTOMER#" + REFERRER),
                Keys.SK, AttributeValue.fromS("LB#demo#" + week)));
        assertThat(score.get(Keys.GSI1_PK).s()).matches("LB#demo#" + week + "#[0-7]");
        assertThat(top).contains("1. •••5678:").contains("You're number 1 this week");
    }

    @Test
    void aReferralCodeHeldByAnotherCustomer_isNeverGivenTwice_theNextOneIsOffered() {
        String taken = ReferralCode.of(REFERRER, SECRET).value();
        dynamo.client().putItem(b -> b.tableName(dynamo.tableName()).item(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.CODE_PREFIX + taken), Keys.SK, AttributeValue.fromS(Keys.CODE),
                "holder", AttributeValue.fromS("somebody-else"))));
        say(REFERRER, "hello");

        String invite = say(REFERRER, "refer");

        String second = ReferralCode.of(REFERRER, SECRET, 1).value();
        assertThat(invite).contains("Your invite code is " + second).doesNotContain(taken);
        assertThat(dynamo.item(Keys.referralCode(second)).get("holder").s()).isEqualTo(REFERRER);
        assertThat(dynamo.item(Keys.referralCode(taken)).get("holder").s()).isEqualTo("somebody-else");
    }
}
