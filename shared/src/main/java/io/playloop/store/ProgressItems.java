package io.playloop.store;

import io.playloop.campaign.Action;
import io.playloop.engine.Progress;
import io.playloop.engine.WalletEntry;
import io.playloop.games.challenge.ActionCount;
import io.playloop.games.challenge.Streak;
import io.playloop.games.leaderboard.Score;
import io.playloop.games.leaderboard.ScoreItem;
import io.playloop.games.referral.Referral;
import io.playloop.games.referral.ReferralCode;
import io.playloop.games.referral.ReferralState;
import io.playloop.games.referral.RejectReason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item layouts of a customer's progress ({@code sk=PROGRESS}) and of the records beside it: badges
 * ({@code BADGE#<id>}), challenge completions ({@code DONE#<challenge>#<period>}), the referrer's copy of a
 * referral ({@code REFERRAL#<friend>}) and a referral code's holder ({@code CODE#<code>}). Instants in epoch
 * milliseconds.
 *
 * <p>The progress item has two kinds of attributes: the customer's own (everything the engine decides,
 * written with SET under the item's {@code version}) and the referral counters {@link #ATTRIBUTED} and
 * {@link #JOINED}, which the <em>friends'</em> steps raise with ADD and the customer's own writes never touch,
 * so neither side overwrites the other.
 */
final class ProgressItems {
    static final String VERSION = "version";
    static final String ATTRIBUTED = "refAttributed";
    static final String JOINED = "refJoined";
    static final String HOLDER = "holder";
    static final String WALLET = "wallet";
    static final String REFERRED_BY = "referredBy";

    private ProgressItems() {
    }

    /** The customer's own attributes (not the counters friends raise), for an update under the version. */
    static Map<String, AttributeValue> ownAttributes(Progress p) {
        Map<String, AttributeValue> a = new LinkedHashMap<>();
        Map<String, AttributeValue> actions = new HashMap<>();
        p.actions().forEach((action, n) -> actions.put(action.key(), StoreItems.n(n)));
        a.put("actions", AttributeValue.fromM(actions));
        Map<String, AttributeValue> challenges = new HashMap<>();
        p.challengeCounts().forEach((id, c) -> challenges.put(id, AttributeValue.fromL(List.of(StoreItems.s(c.period()),
                StoreItems.n(c.count())))));
        a.put("challenges", AttributeValue.fromM(challenges));
        a.put("streak", p.streak().lastDay().isEmpty() ? null : AttributeValue.fromL(List.of(
                StoreItems.s(p.streak().lastDay().get().toString()), StoreItems.n(p.streak().length()),
                StoreItems.n(p.streak().best()))));
        a.put("badges", AttributeValue.fromL(p.badges().entrySet().stream().map(e -> AttributeValue.fromL(List.of(
                StoreItems.s(e.getKey()), StoreItems.n(e.getValue().toEpochMilli())))).toList()));
        a.put("completions", AttributeValue.fromL(p.completions().stream().map(StoreItems::s).toList()));
        a.put("tier", p.tier().map(StoreItems::s).orElse(null));
        a.put("refCode", p.referralCode().map(StoreItems::s).orElse(null));
        a.put(REFERRED_BY, p.referredBy().map(ProgressItems::referral).orElse(null));
        a.put("refCredited", StoreItems.n(p.referralsCredited()));
        a.put("score", p.weeklyScore().map(s -> AttributeValue.fromL(List.of(StoreItems.s(s.sk()),
                StoreItems.s(s.gsi1pk()), StoreItems.s(s.week()), StoreItems.n(s.score().points()),
                StoreItems.n(s.score().reachedAt().toEpochMilli())))).orElse(null));
        a.put(WALLET, wallet(p.wallet()));
        Map<String, AttributeValue> attributes = new HashMap<>();
        p.attributes().forEach((k, v) -> attributes.put(k, StoreItems.s(v)));
        a.put("attributes", AttributeValue.fromM(attributes));
        return a;
    }

    /** The progress an item holds, with its version (0 when only friends' counters were ever written). */
    static ProgressState state(Map<String, AttributeValue> item) {
        Map<Action, Long> actions = new EnumMap<>(Action.class);
        Optional.ofNullable(item.get("actions")).map(AttributeValue::m).ifPresent(m -> m.forEach((k, v) ->
                Action.fromKey(k).ifPresent(action -> actions.put(action, Long.parseLong(v.n())))));
        Map<String, ActionCount> challenges = new LinkedHashMap<>();
        Optional.ofNullable(item.get("challenges")).map(AttributeValue::m).ifPresent(m -> m.forEach((k, v) ->
                challenges.put(k, new ActionCount(v.l().get(0).s(), Integer.parseInt(v.l().get(1).n())))));
        Streak streak = Optional.ofNullable(item.get("streak")).map(AttributeValue::l)
                .map(l -> new Streak(Optional.of(LocalDate.parse(l.get(0).s())), Integer.parseInt(l.get(1).n()),
                        Integer.parseInt(l.get(2).n()))).orElse(Streak.NONE);
        Map<String, Instant> badges = new LinkedHashMap<>();
        Optional.ofNullable(item.get("badges")).map(AttributeValue::l).ifPresent(l -> l.forEach(b ->
                badges.put(b.l().get(0).s(), Instant.ofEpochMilli(Long.parseLong(b.l().get(1).n())))));
        Set<String> completions = new LinkedHashSet<>();
        Optional.ofNullable(item.get("completions")).map(AttributeValue::l)
                .ifPresent(l -> l.forEach(v -> completions.add(v.s())));
        Optional<ScoreItem> score = Optional.ofNullable(item.get("score")).map(AttributeValue::l).map(l -> {
            String customer = item.get(Keys.PK).s().substring(Keys.CUSTOMER_PREFIX.length());
            return new ScoreItem(item.get(Keys.PK).s(), l.get(0).s(), l.get(1).s(), new Score(customer,
                    Long.parseLong(l.get(3).n()), Instant.ofEpochMilli(Long.parseLong(l.get(4).n()))), l.get(2).s());
        });
        Progress progress = new Progress(actions, challenges, streak, badges, completions,
                Optional.ofNullable(item.get("tier")).map(AttributeValue::s),
                Optional.ofNullable(item.get("refCode")).map(AttributeValue::s),
                Optional.ofNullable(item.get("referredBy")).map(AttributeValue::m).map(ProgressItems::referral),
                number(item, ATTRIBUTED), number(item, JOINED), number(item, "refCredited"), score,
                Optional.ofNullable(item.get(WALLET)).map(AttributeValue::l).orElse(List.of()).stream()
                        .map(v -> walletEntry(v.m())).toList(),
                attributes(item));
        return new ProgressState(progress, number(item, VERSION));
    }

    /** The referrer's copy of a referral, {@code pk=CUSTOMER#<referrer>, sk=REFERRAL#<friend>}. */
    static Map<String, AttributeValue> referralRecord(Referral r) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.referral(r.referrer(), r.friend()));
        item.putAll(referral(r).m());
        return item;
    }

    /** A badge held: {@code pk=CUSTOMER#<key>, sk=BADGE#<id>}, with when it was awarded. */
    static Map<String, AttributeValue> badgeRecord(String customerKey, String badgeId, Instant at, String wamid) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.badge(customerKey, badgeId));
        item.put("awardedAt", StoreItems.s(at.toString()));
        item.put("wamid", StoreItems.s(wamid));
        return item;
    }

    /** A challenge completed in a period: {@code pk=CUSTOMER#<key>, sk=DONE#<challenge>#<period>}. */
    static Map<String, AttributeValue> completionRecord(String customerKey, String completionId, Instant at,
                                                        String wamid) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.completion(customerKey, completionId));
        item.put("completedAt", StoreItems.s(at.toString()));
        item.put("wamid", StoreItems.s(wamid));
        return item;
    }

    /** A reward the customer holds: {@code pk=CUSTOMER#<key>, sk=REWARD#<rewardId>}. */
    static Map<String, AttributeValue> rewardRecord(String customerKey, WalletEntry w, String campaignId) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.reward(customerKey, w.rewardId()));
        item.put("campaign", StoreItems.s(campaignId));
        item.put("item", StoreItems.s(w.itemId()));
        item.put("status", StoreItems.s(w.code().isPresent() ? "ISSUED" : "AWAITING_CODE"));
        w.code().ifPresent(code -> item.put("code", StoreItems.s(code)));
        item.put("issuedAt", StoreItems.s(w.issuedAt().toString()));
        item.put("validUntil", StoreItems.s(w.validUntil().toString()));
        item.put(Keys.TTL, StoreItems.ttlAfterValidity(ItemKind.REWARD, w.validUntil()));
        return item;
    }

    /** A coupon code given to a customer: {@code pk=COUPON#<code>, sk=COUPON}. */
    static Map<String, AttributeValue> couponRecord(String customerKey, WalletEntry w, String campaignId) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.coupon(w.code().orElseThrow()));
        item.put(HOLDER, StoreItems.s(customerKey));
        item.put("campaign", StoreItems.s(campaignId));
        item.put("reward", StoreItems.s(w.rewardId()));
        item.put("status", StoreItems.s("ISSUED"));
        item.put("validUntil", StoreItems.s(w.validUntil().toString()));
        item.put(Keys.TTL, StoreItems.ttlAfterValidity(ItemKind.COUPON, w.validUntil()));
        return item;
    }

    /** Who holds a referral code: {@code pk=CODE#<code>, sk=CODE}. */
    static Map<String, AttributeValue> codeRecord(ReferralCode code, String customerKey) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.referralCode(code.value()));
        item.put(HOLDER, StoreItems.s(customerKey));
        return item;
    }

    private static AttributeValue referral(Referral r) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("referrer", StoreItems.s(r.referrer()));
        m.put("friend", StoreItems.s(r.friend()));
        m.put("code", StoreItems.s(r.code().value()));
        m.put("attributedAt", StoreItems.n(r.attributedAt().toEpochMilli()));
        m.put("state", StoreItems.s(r.state().name()));
        r.qualifiedAt().ifPresent(at -> m.put("qualifiedAt", StoreItems.n(at.toEpochMilli())));
        r.reason().ifPresent(why -> m.put("reason", StoreItems.s(why.name())));
        return AttributeValue.fromM(m);
    }

    private static Referral referral(Map<String, AttributeValue> m) {
        return new Referral(m.get("referrer").s(), m.get("friend").s(), new ReferralCode(m.get("code").s()),
                Instant.ofEpochMilli(Long.parseLong(m.get("attributedAt").n())),
                ReferralState.valueOf(m.get("state").s()),
                Optional.ofNullable(m.get("qualifiedAt")).map(v -> Instant.ofEpochMilli(Long.parseLong(v.n()))),
                Optional.ofNullable(m.get("reason")).map(v -> RejectReason.valueOf(v.s())));
    }

    /** The {@code wallet} attribute: the rewards the customer holds, oldest first. */
    static AttributeValue wallet(List<WalletEntry> wallet) {
        return AttributeValue.fromL(wallet.stream().map(ProgressItems::walletEntry).toList());
    }

    private static AttributeValue walletEntry(WalletEntry w) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("id", StoreItems.s(w.rewardId()));
        m.put("item", StoreItems.s(w.itemId()));
        w.code().ifPresent(code -> m.put("code", StoreItems.s(code)));
        m.put("issuedAt", StoreItems.n(w.issuedAt().toEpochMilli()));
        m.put("validUntil", StoreItems.n(w.validUntil().toEpochMilli()));
        w.usedAt().ifPresent(at -> m.put("usedAt", StoreItems.n(at.toEpochMilli())));
        return AttributeValue.fromM(m);
    }

    private static WalletEntry walletEntry(Map<String, AttributeValue> m) {
        return new WalletEntry(m.get("id").s(), m.get("item").s(), Optional.ofNullable(m.get("code")).map(AttributeValue::s),
                Instant.ofEpochMilli(Long.parseLong(m.get("issuedAt").n())),
                Instant.ofEpochMilli(Long.parseLong(m.get("validUntil").n())),
                Optional.ofNullable(m.get("usedAt")).map(v -> Instant.ofEpochMilli(Long.parseLong(v.n()))));
    }

    private static Map<String, String> attributes(Map<String, AttributeValue> item) {
        Map<String, String> out = new HashMap<>();
        Optional.ofNullable(item.get("attributes")).map(AttributeValue::m).ifPresent(m -> m.forEach((k, v) -> out.put(k, v.s())));
        return out;
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }
}
