package io.playloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playloop.campaign.Action;
import io.playloop.engine.Consent;
import io.playloop.engine.ConsentChange;
import io.playloop.engine.Customer;
import io.playloop.engine.Progress;
import io.playloop.engine.Reward;
import io.playloop.engine.SpinHistory;
import io.playloop.engine.WalletEntry;
import io.playloop.games.challenge.ActionCount;
import io.playloop.games.challenge.Streak;
import io.playloop.games.leaderboard.Score;
import io.playloop.games.leaderboard.ScoreItem;
import io.playloop.games.quiz.AskedQuestion;
import io.playloop.games.quiz.QuizSession;
import io.playloop.games.referral.Referral;
import io.playloop.games.referral.ReferralCode;
import io.playloop.games.referral.ReferralState;
import io.playloop.games.referral.RejectReason;
import io.playloop.ledger.EntryKind;
import io.playloop.ledger.LedgerEntry;
import io.playloop.ledger.Lot;
import io.playloop.ledger.LotShare;
import io.playloop.ledger.PointsAccount;
import io.playloop.outreach.Schedule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pins the shapes of the items already in customers' tables: each kind is encoded from fixed values by today's
 * codecs and compared with a fixture under {@code src/test/resources/items/} (DynamoDB JSON, the form
 * {@code aws dynamodb get-item} prints, so attribute names and types are visible), and the fixture is decoded back
 * to the same values. A refactoring that renames an attribute, changes its type or stops reading an old item fails
 * here. When an encoding differs, the item actually produced is written under {@code target/items-actual/} to
 * compare; the fixtures themselves are never rewritten by the test.
 */
class ItemShapesTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path ACTUAL = Path.of("target", "items-actual");

    private static final String KEY = "33612345678";
    private static final String FRIEND = "971501234567";
    private static final String CAMPAIGN = "demo";
    private static final Instant T0 = Instant.parse("2026-11-23T14:05:06.789Z");

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static Instant whole(long seconds) {
        return at(seconds).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    // --- the customer's own items ----------------------------------------------------------------

    @Test
    void aProfile_keepsItsAttributeNamesAndTypes() {
        Customer customer = new Customer(KEY, KEY, "FR.1234567890", "Léa ✨ ليلى", "fr", 120,
                new Consent(true, at(10), "wamid.CONSENT"), T0, at(3600), 7);
        Map<String, AttributeValue> item = stored(Keys.customer(KEY), StoreItems.customerAttributes(customer, 7));

        assertShape("profile", item);
        assertThat(StoreItems.customer(fixture("profile"))).isEqualTo(customer);
    }

    @Test
    void aProfile_withoutOptionalValues_hasNoAttributeForThem() {
        Customer customer = new Customer("FR.1234567890", null, "FR.1234567890", null, "en", 0, Consent.NONE, T0,
                null, 1);
        Map<String, AttributeValue> item = stored(Keys.customer("FR.1234567890"),
                StoreItems.customerAttributes(customer, 1));

        assertShape("profile-minimal", item);
        assertThat(StoreItems.customer(fixture("profile-minimal"))).isEqualTo(customer);
    }

    @Test
    void aConsentEvent_keepsItsShape() {
        ConsentChange change = new ConsentChange(false, at(60), "wamid.STOP", "keyword", "ar");

        assertShape("consent", StoreItems.consentItem(KEY, change));
        assertThat(StoreItems.consentChange(fixture("consent"))).isEqualTo(change);
    }

    @Test
    void aPointsAccount_keepsItsLotsAndRecentEntries() {
        Lot expiring = new Lot("wamid.A", 50, 20, T0, at(90 * 86_400));
        Lot forever = new Lot("order:1001", 100, 100, at(60), Lot.NEVER);
        LedgerEntry grant = new LedgerEntry(LedgerEntry.idOf(EntryKind.GRANT, "order:1001"), EntryKind.GRANT, 100,
                100, List.of(new LotShare("order:1001", 100)), "order", "order:1001", at(60));
        LedgerEntry spend = new LedgerEntry(LedgerEntry.idOf(EntryKind.SPEND, "wamid.B"), EntryKind.SPEND, -30, 0,
                List.of(new LotShare("wamid.A", 30)), "redeem:coffee", "wamid.B", at(120));
        PointsState state = new PointsState(new PointsAccount(List.of(expiring, forever), 150, List.of(grant, spend)),
                4);

        assertShape("points", PointsItems.accountItem(KEY, state.account(), 4));
        assertThat(PointsItems.account(fixture("points"))).isEqualTo(state);
    }

    @Test
    void aLedgerEntry_keepsItsShape() {
        LedgerEntry spend = new LedgerEntry(LedgerEntry.idOf(EntryKind.SPEND, "wamid.B"), EntryKind.SPEND, -30, 0,
                List.of(new LotShare("wamid.A", 30)), "redeem:coffee", "wamid.B", at(120));

        assertShape("ledger-entry", PointsItems.entryItem(KEY, spend));
    }

    @Test
    void aQuizSession_keepsItsOpenQuestionAndCounters() {
        AskedQuestion asked = new AskedQuestion("q7", 12, List.of("b", "a", "c", "d"), "a", 10, at(30), at(330),
                Optional.of("c"));
        QuizSession session = new QuizSession(Optional.of(asked), List.of("q3", "q5", "q7"),
                LocalDate.parse("2026-11-23"), 3, 12, 90, 9, 12, 2, 5);

        assertShape("quiz", QuizItems.item(KEY, session, 12));
        assertThat(QuizItems.state(fixture("quiz"))).isEqualTo(new QuizState(session, 12));
    }

    @Test
    void aSpinHistory_keepsItsRewards() {
        SpinHistory history = new SpinHistory(Optional.of(at(600)), List.of(
                new Reward("coffee", "wamid.SPIN1", at(600), at(600 + 7 * 86_400), Optional.of("SPIN-7K2Q")),
                new Reward("points50", "wamid.SPIN0", T0, at(86_400))));

        assertShape("spin", SpinItems.item(KEY, history, 2));
        assertThat(SpinItems.state(fixture("spin"))).isEqualTo(new SpinState(history, 2));
    }

    @Test
    void aSpinPrize_keepsItsRewardAndCouponRecords() {
        Reward won = new Reward("coffee", "wamid.SPIN1", at(600), at(600 + 7 * 86_400), Optional.of("SPIN-7K2Q"));

        assertShape("reward-spin", SpinItems.rewardRecord(KEY, won, CAMPAIGN));
        assertShape("coupon-spin", SpinItems.couponRecord(KEY, won, CAMPAIGN));
    }

    @Test
    void aProgress_keepsItsOwnAttributesAndTheCountersFriendsRaise() {
        Referral referredBy = new Referral(FRIEND, KEY, new ReferralCode("AB23CD45"), at(5), ReferralState.QUALIFIED,
                Optional.of(at(900)), Optional.empty());
        ScoreItem score = ScoreItem.after(Optional.empty(), CAMPAIGN, KEY, 40, at(700), ZoneId.of("Europe/Paris"), 4)
                .orElseThrow();
        Map<Action, Long> actions = new LinkedHashMap<>();
        actions.put(Action.QUIZ_ANSWER, 12L);
        actions.put(Action.SPIN, 3L);
        Map<String, Instant> badges = new LinkedHashMap<>();
        badges.put("first_quiz", at(40));
        badges.put("streak_3", at(86_400 * 2));
        Progress progress = new Progress(actions, Map.of("weekly_quiz", new ActionCount("2026-W48", 4)),
                new Streak(Optional.of(LocalDate.parse("2026-11-25")), 3, 4), badges,
                Set.of("weekly_quiz#2026-W47"), Optional.of("silver"), Optional.of("ZX98WV76"),
                Optional.of(referredBy), 2, 1, 1, Optional.of(score),
                List.of(new WalletEntry("redeem:wamid.R", "coffee", Optional.of("COF-12AB"), at(800),
                                at(800 + 30 * 86_400), Optional.of(at(5000))),
                        new WalletEntry("redeem:wamid.S", "tote", Optional.empty(), at(900), at(900 + 30 * 86_400),
                                Optional.empty())),
                Map.of("last_product", "Thé à la menthe", "birthday", "03-14"));
        Map<String, AttributeValue> item = stored(Keys.progress(KEY), ProgressItems.ownAttributes(progress));
        item.put(ProgressItems.VERSION, StoreItems.n(6));
        item.put(ProgressItems.ATTRIBUTED, StoreItems.n(2));
        item.put(ProgressItems.JOINED, StoreItems.n(1));

        assertShape("progress", item);
        assertThat(ProgressItems.state(fixture("progress"))).isEqualTo(new ProgressState(progress, 6));
    }

    @Test
    void aProgressWithOnlyFriendsCounters_readsAsVersionZero() {
        Map<String, AttributeValue> item = new HashMap<>(Keys.progress(FRIEND));
        item.put(ProgressItems.ATTRIBUTED, StoreItems.n(1));

        assertShape("progress-counters-only", item);
        ProgressState state = ProgressItems.state(fixture("progress-counters-only"));
        assertThat(state.version()).isZero();
        assertThat(state.progress().referralsAttributed()).isEqualTo(1);
        assertThat(state.progress().badges()).isEmpty();
    }

    @Test
    void theRecordsBesideProgress_keepTheirShapes() {
        Referral rejected = new Referral(KEY, FRIEND, new ReferralCode("ZX98WV76"), at(50), ReferralState.REJECTED,
                Optional.empty(), Optional.of(RejectReason.EXISTING_CUSTOMER));
        WalletEntry coffee = new WalletEntry("redeem:wamid.R", "coffee", Optional.of("COF-12AB"), at(800),
                at(800 + 30 * 86_400), Optional.empty());
        WalletEntry awaiting = new WalletEntry("redeem:wamid.S", "tote", Optional.empty(), at(900),
                at(900 + 30 * 86_400), Optional.empty());

        assertShape("badge", ProgressItems.badgeRecord(KEY, "first_quiz", at(40), "wamid.Q1"));
        assertShape("done", ProgressItems.completionRecord(KEY, "weekly_quiz#2026-W48", at(50), "wamid.Q2"));
        assertShape("referral", ProgressItems.referralRecord(rejected));
        assertShape("code", ProgressItems.codeRecord(new ReferralCode("ZX98WV76"), KEY));
        assertShape("reward-wallet", ProgressItems.rewardRecord(KEY, coffee, CAMPAIGN));
        assertShape("reward-awaiting-code", ProgressItems.rewardRecord(KEY, awaiting, CAMPAIGN));
        assertShape("coupon-wallet", ProgressItems.couponRecord(KEY, coffee, CAMPAIGN));
    }

    @Test
    void aWeeklyScore_keepsItsIndexKeys() {
        ScoreItem score = ScoreItem.after(Optional.empty(), CAMPAIGN, KEY, 40, at(700), ZoneId.of("Europe/Paris"), 4)
                .orElseThrow();

        assertShape("leaderboard", LeaderboardItems.item(score, ZoneId.of("Europe/Paris")));
        assertThat(LeaderboardItems.score(fixture("leaderboard"))).isEqualTo(new Score(KEY, 40, at(700)));
    }

    @Test
    void aSchedule_keepsItsDueIndexEntryAndHistory() {
        // the schedule stores its instants in whole epoch seconds (the due time as a sortable string)
        Schedule schedule = new Schedule(9, Optional.of(Instant.parse("2026-11-24T09:00:00Z")),
                List.of(whole(86_400), whole(2 * 86_400)), Optional.of(whole(2 * 86_400)),
                Map.of("quiz_nudge#2026-W48", whole(86_400), "streak_risk", whole(2 * 86_400)),
                Map.of("points_expiring", whole(3 * 86_400)), 2, Set.of("rewards_reminder", "quiz_nudge"),
                Optional.of(whole(4 * 86_400)));

        assertShape("schedule", ScheduleItems.item(KEY, schedule, 9));
        assertThat(ScheduleItems.schedule(fixture("schedule"))).isEqualTo(schedule);
    }

    @Test
    void aSchedule_withNothingAhead_isOutOfTheIndex() {
        Schedule idle = new Schedule(3, Optional.empty(), List.of(), Optional.empty(), Map.of(), Map.of(), 0);

        assertShape("schedule-idle", ScheduleItems.item(KEY, idle, 3));
        assertThat(ScheduleItems.schedule(fixture("schedule-idle"))).isEqualTo(idle);
    }

    @Test
    void anInboundReceipt_keepsItsOutboxAndReply() {
        InboundReceipt receipt = new InboundReceipt("wamid.IN1", KEY, InboundReceipt.Status.REPLY_PENDING,
                "{\"messaging_product\":\"whatsapp\",\"to\":\"+33612345678\",\"text\":{\"body\":\"مرحبا 👋\"}}",
                "game-1", at(1), at(1).plus(InboundReceipt.RETENTION), "[{\"kind\":\"CRM_SYNC\"}]");

        assertShape("receipt", StoreItems.receiptItem(receipt));
        assertThat(StoreItems.receipt(fixture("receipt"))).isEqualTo(receipt);
    }

    @Test
    void aCustomersOrder_keepsItsShape() {
        assertShape("order", StoreItems.orderRecord(KEY, new Commit.ShopOrder("shopify", "1001"), at(3000)));
    }

    // --- the check can fail ----------------------------------------------------------------------

    @Test
    @DisplayName("one attribute renamed, retyped or dropped in an encoding fails the comparison")
    void theComparison_catchesOneChangedAttribute() {
        Map<String, AttributeValue> item = fixture("badge");
        assertThat(difference(item, new HashMap<>(item))).isEmpty();

        Map<String, AttributeValue> renamed = new HashMap<>(item);
        renamed.put("awarded", renamed.remove("awardedAt"));
        assertThat(difference(item, renamed)).isPresent();

        Map<String, AttributeValue> retyped = new HashMap<>(item);
        retyped.put("awardedAt", StoreItems.n(at(40).toEpochMilli()));
        assertThat(difference(item, retyped)).isPresent();

        Map<String, AttributeValue> dropped = new HashMap<>(item);
        dropped.remove("wamid");
        assertThat(difference(item, dropped)).isPresent();
    }

    // --- DynamoDB JSON ---------------------------------------------------------------------------

    /** The item as the table holds it after an update of {@code attributes}: absent (null) values are no attribute. */
    private static Map<String, AttributeValue> stored(Map<String, AttributeValue> key,
                                                      Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        attributes.forEach((name, value) -> {
            if (value != null) {
                item.put(name, value);
            }
        });
        return item;
    }

    /** Empty when both items print the same in DynamoDB JSON, else the second one printed. */
    private static Optional<String> difference(Map<String, AttributeValue> expected,
                                              Map<String, AttributeValue> actual) {
        String printed = pretty(toJson(actual));
        return printed.equals(pretty(toJson(expected))) ? Optional.empty() : Optional.of(printed);
    }

    private static void assertShape(String name, Map<String, AttributeValue> encoded) {
        Optional<Map<String, AttributeValue>> pinned = optionalFixture(name);
        Optional<String> difference = pinned.isEmpty() ? Optional.of(pretty(toJson(encoded)))
                : difference(pinned.get(), encoded);
        if (difference.isPresent()) {
            Path actual = ACTUAL.resolve(name + ".json");
            try {
                Files.createDirectories(ACTUAL);
                Files.writeString(actual, difference.get() + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(difference.get()).as("items/%s.json (today's encoding is in %s)", name, actual)
                    .isEqualTo(pinned.map(item -> pretty(toJson(item))).orElse("(no fixture)"));
        }
    }

    private static Map<String, AttributeValue> fixture(String name) {
        return optionalFixture(name).orElseThrow(() -> new AssertionError("no fixture items/" + name + ".json"));
    }

    private static Optional<Map<String, AttributeValue>> optionalFixture(String name) {
        try (InputStream in = ItemShapesTest.class.getResourceAsStream("/items/" + name + ".json")) {
            return in == null ? Optional.empty() : Optional.of(fromJson(JSON.readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pretty(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An item in DynamoDB JSON, attributes and map keys sorted (and string sets, which have no order). */
    private static ObjectNode toJson(Map<String, AttributeValue> item) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        new TreeMap<>(item).forEach((name, value) -> out.set(name, toJson(value)));
        return out;
    }

    private static ObjectNode toJson(AttributeValue v) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        switch (v.type()) {
            case S -> out.put("S", v.s());
            case N -> out.put("N", v.n());
            case BOOL -> out.put("BOOL", v.bool());
            case NUL -> out.put("NULL", true);
            case SS -> {
                ArrayNode set = out.putArray("SS");
                v.ss().stream().sorted().forEach(set::add);
            }
            case L -> {
                ArrayNode list = out.putArray("L");
                v.l().forEach(e -> list.add(toJson(e)));
            }
            case M -> out.set("M", toJson(v.m()));
            default -> throw new IllegalArgumentException("no fixture form for " + v.type());
        }
        return out;
    }

    private static Map<String, AttributeValue> fromJson(JsonNode item) {
        Map<String, AttributeValue> out = new HashMap<>();
        item.fields().forEachRemaining(f -> out.put(f.getKey(), valueOf(f.getValue())));
        return out;
    }

    private static AttributeValue valueOf(JsonNode typed) {
        Iterator<Map.Entry<String, JsonNode>> fields = typed.fields();
        Map.Entry<String, JsonNode> only = fields.next();
        if (fields.hasNext()) {
            throw new IllegalArgumentException("one type per value: " + typed);
        }
        JsonNode v = only.getValue();
        return switch (only.getKey()) {
            case "S" -> AttributeValue.fromS(v.textValue());
            case "N" -> AttributeValue.fromN(v.textValue());
            case "BOOL" -> AttributeValue.fromBool(v.booleanValue());
            case "NULL" -> AttributeValue.fromNul(true);
            case "SS" -> {
                List<String> set = new ArrayList<>();
                v.forEach(e -> set.add(e.textValue()));
                yield AttributeValue.fromSs(set);
            }
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                v.forEach(e -> list.add(valueOf(e)));
                yield AttributeValue.fromL(list);
            }
            case "M" -> AttributeValue.fromM(fromJson(v));
            default -> throw new IllegalArgumentException("unknown DynamoDB type " + only.getKey());
        };
    }
}
