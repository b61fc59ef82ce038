package io.playloop.store;

import io.playloop.store.Lifetime.Scope;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every kind of item the single table holds, with its key shape, who writes it, its lifetime, whether it names a
 * customer and how an erasure reaches it: the registry behind the table in {@link Keys}' Javadoc and the README's
 * "Data lifetimes". A test fails when a key builder of {@link Keys} or {@link CampaignKeys}
 * belongs to no kind, and when a kind that names a customer is kept for ever or out of an erasure's reach.
 */
public enum ItemKind {
    PROFILE("customer profile", "CUSTOMER#<key>", "PROFILE", "game", Lifetime.ofCustomer(
            "until erased on request, or after the campaign's retention.inactive_customers without a message"),
            Reach.PARTITION, "Keys.customer"),
    CONSENT("consent event", "CUSTOMER#<key>", "CONSENT#<instant>#<wamid>", "game (START/STOP)",
            Lifetime.ofCustomer("the proof of consent lives as long as the profile"), Reach.PARTITION, "Keys.consent"),
    RECEIPT("inbound receipt", "CUSTOMER#<key>", "INBOUND#<wamid or event id>", "game (reply text removed once sent)",
            Lifetime.ttl(InboundReceipt.RETENTION, "processing"), Reach.PARTITION, "Keys.receipt"),
    POINTS("points account", "CUSTOMER#<key>", "POINTS", "game, scheduler", Lifetime.ofCustomer("live lots"),
            Reach.PARTITION, "Keys.points"),
    LEDGER_ENTRY("ledger entry", "CUSTOMER#<key>", "LEDGER#<KIND>#<eventId>", "game, scheduler",
            Lifetime.ttl(Duration.ofDays(730), "the entry's time"), Reach.PARTITION, "Keys.ledgerEntry"),
    QUIZ("quiz session", "CUSTOMER#<key>", "QUIZ", "game", Lifetime.ofCustomer("the open question and streak"),
            Reach.PARTITION, "Keys.quiz"),
    SPIN("wheel", "CUSTOMER#<key>", "SPIN", "game", Lifetime.ofCustomer("cooldown and pending prizes"),
            Reach.PARTITION, "Keys.spin"),
    PROGRESS("progress", "CUSTOMER#<key>", "PROGRESS", "game, reward (wallet codes), friends' steps (counters)",
            Lifetime.ofCustomer("counters, badges, tier, wallet"), Reach.PARTITION, "Keys.progress"),
    BADGE("badge held", "CUSTOMER#<key>", "BADGE#<badgeId>", "game", Lifetime.ofCustomer("insert once"),
            Reach.PARTITION, "Keys.badge"),
    COMPLETION("challenge completion", "CUSTOMER#<key>", "DONE#<challenge>#<period>", "game",
            Lifetime.ofCustomer("a challenge pays once per period"), Reach.PARTITION, "Keys.completion"),
    REFERRAL("referral (referrer's copy)", "CUSTOMER#<referrer>", "REFERRAL#<friend>", "the friend's steps",
            Lifetime.ofCustomer("erased with the referrer or with the friend"), Reach.PARTITION_OR_DERIVED,
            "Keys.referral"),
    REWARD("reward held", "CUSTOMER#<key>", "REWARD#<rewardId>",
            "game (catalogue and wheel), reward (pool code), scheduler (EXPIRED)",
            Lifetime.ttl(Duration.ofDays(90), "its validity's end"), Reach.PARTITION, "Keys.reward"),
    WEEKLY_SCORE("weekly score (leaderboard entry)", "CUSTOMER#<key>", "LB#<campaign>#<week>", "game",
            Lifetime.ttl(LeaderboardItems.RETENTION, "the week's end"), Reach.PARTITION, "ScoreItem"),
    SCHEDULE("outreach schedule (due index entry)", "CUSTOMER#<key>", "SCHEDULE", "game, scheduler, ingest",
            Lifetime.ofCustomer("next look, sends"), Reach.PARTITION, "Keys.schedule"),
    ORDER("shop order (customer's side)", "CUSTOMER#<key>", "ORDER#<source>#<orderId>", "game (paid order)",
            Lifetime.ttl(Duration.ofDays(730), "processing"), Reach.PARTITION, "Keys.customerOrder"),
    SENT("proactive message (customer's side)", "CUSTOMER#<key>", "OUTBOUND#<wamid>", "scheduler",
            Lifetime.ttl(DynamoSchedulerStore.SENT_KEPT, "sending"), Reach.PARTITION, "Keys.customerOutbound"),
    REFERRAL_CODE("referral code holder", "CODE#<code>", "CODE", "game (REFER)",
            Lifetime.ofCustomer("erased with its holder"), Reach.DERIVED, "Keys.referralCode"),
    COUPON("coupon", "COUPON#<code>", "COUPON", "game, reward (pool), scheduler (EXPIRED)",
            Lifetime.ttl(Duration.ofDays(90), "its validity's end"), Reach.DERIVED, "Keys.coupon"),
    SHOP_ORDER("shop order's customer", "SHOPORDER#<source>#<orderId>", "ORDER", "ingest (paid order)",
            Lifetime.ttl(Duration.ofDays(730), "first seen"), Reach.DERIVED, "Keys.shopOrder"),
    OUTBOUND("proactive message sent", "OUTBOUND#<wamid>", "REMINDER", "scheduler; ingest marks a failure",
            Lifetime.ttl(DynamoSchedulerStore.SENT_KEPT, "sending"), Reach.DERIVED, "Keys.sentReminder"),
    RECORD_FAILURES("queue record's failures", "RECORD#<sqsMessageId>", "FAILURES",
            "game and reward functions (a record's own failures, never on success)",
            Lifetime.ttlOnly(DynamoRecordFailures.KEPT, "the last failure"), Reach.NONE, "Keys.recordFailures"),
    SPIN_BUDGET("prize budget", "CAMPAIGN#<campaign>", "SPIN_BUDGET#<prizeId>", "game",
            Lifetime.kept("counters without anyone's data"), Reach.NONE, "Keys.spinBudget"),
    MECHANIC_SLICE("a mechanic's customer state (its slice or records)", "CUSTOMER#<key>",
            "<the mechanic's sort key, e.g. SCRATCH>", "game (the mechanic)",
            Lifetime.ofCustomer("registered by its mechanic in io.playloop.mechanic.Mechanics"), Reach.PARTITION,
            "Keys.mechanicItem"),
    MECHANIC_COUNTER("a mechanic's campaign counter (budget)", "CAMPAIGN#<campaign>",
            "<the mechanic's prefix><id>, e.g. SCRATCH_BUDGET#<prizeId>", "game (the mechanic)",
            Lifetime.kept("counters without anyone's data"), Reach.NONE, "Keys.mechanicCounter"),
    STOCK("stock counter", "CAMPAIGN#<campaign>", "STOCK#<itemId>", "game",
            Lifetime.kept("a counter without anyone's data"), Reach.NONE, "Keys.stock"),
    POOL_CODE("free pool code", "POOL#<pool>", "CODE#<code>", "CLI import; reward (deletes it when handed out)",
            Lifetime.kept("until handed out (then a coupon)"), Reach.NONE, "Keys.poolCode", "Keys.poolPartition"),
    STANDINGS("weekly standings", "CAMPAIGN#<campaign>", "TOP#<week>", "scheduler (each run); read by TOP",
            Lifetime.ttlOnly(StandingsItems.KEPT, "publication"), Reach.NONE, "Keys.standings"),
    CAMPAIGN_SPEND("campaign spend", "CAMPAIGN#<campaign>", "SPEND", "scheduler",
            Lifetime.kept("a sum without anyone's data"), Reach.NONE, "Keys.campaignSpend"),
    REACH("messaging-limit reach", "SENDER#<phoneNumberId>", "REACH", "scheduler",
            Lifetime.kept("hourly counts, older hours removed by the scheduler"), Reach.NONE, "Keys.reach"),
    SCHEDULER_CURSOR("scheduler cursor", "SCHEDULER", "CURSOR", "scheduler",
            Lifetime.kept("one hour bucket"), Reach.NONE, "Keys.schedulerCursor"),
    CAMPAIGN_VERSION("campaign version", "CAMPAIGN#<id>", "VERSION#<n>", "CLI (push)",
            Lifetime.kept("campaign configuration"), Reach.NONE, "CampaignKeys.version", "CampaignKeys.partition"),
    CAMPAIGN_INDEX("campaign index", "CAMPAIGNS", "CAMPAIGN#<id>", "CLI (push)",
            Lifetime.kept("campaign configuration"), Reach.NONE, "CampaignKeys.index", "CampaignKeys.indexPartition"),
    ACTIVE_POINTER("active campaign pointer", "CAMPAIGN#ACTIVE", "ACTIVE", "CLI (activate)",
            Lifetime.kept("campaign configuration"), Reach.NONE, "CampaignKeys.active");

    /** How an erasure of a customer finds items of this kind. */
    public enum Reach {
        /** In the customer's partition: one Query finds them. */
        PARTITION,
        /** Elsewhere, derived from what the customer's partition holds (a code, a coupon, an order, a wamid). */
        DERIVED,
        /** In the referrer's partition for the referrer; derived from the friend's progress for the friend. */
        PARTITION_OR_DERIVED,
        /** Names no customer. */
        NONE
    }

    private final String label;
    private final String pk;
    private final String sk;
    private final String writtenBy;
    private final Lifetime lifetime;
    private final Reach reach;
    private final List<String> builders;

    ItemKind(String label, String pk, String sk, String writtenBy, Lifetime lifetime, Reach reach,
             String... builders) {
        this.label = label;
        this.pk = pk;
        this.sk = sk;
        this.writtenBy = writtenBy;
        this.lifetime = lifetime;
        this.reach = reach;
        this.builders = List.of(builders);
    }

    /** What it is, in words. */
    public String label() {
        return label;
    }

    /** The partition key's shape, e.g. {@code CUSTOMER#<key>}. */
    public String pk() {
        return pk;
    }

    /** The sort key's shape, e.g. {@code LEDGER#<KIND>#<eventId>}. */
    public String sk() {
        return sk;
    }

    public String writtenBy() {
        return writtenBy;
    }

    public Lifetime lifetime() {
        return lifetime;
    }

    public Reach reach() {
        return reach;
    }

    /** Whether items of this kind name a customer (by key, phone, name or a code given to them). */
    public boolean namesCustomer() {
        return reach != Reach.NONE;
    }

    /** The key builders that make its keys ({@code Keys.customer}, {@code CampaignKeys.version}, ...). */
    public List<String> builders() {
        return builders;
    }

    /** The TTL a new item of this kind gets when written at {@code from}: epoch seconds. */
    public long ttlFrom(java.time.Instant from) {
        return StoreItems.ttl(from.plus(lifetime.after()));
    }

    /** Whether the lifetime is bounded: by a TTL or by the customer's own lifetime. */
    public boolean bounded() {
        return lifetime.scope() != Scope.KEPT;
    }

    /** The kind of an item by its keys, for exports; empty for a key shape no kind has (a later version's). */
    public static Optional<ItemKind> of(String pk, String sk) {
        if (pk.startsWith(Keys.CUSTOMER_PREFIX)) {
            return customerItem(sk);
        }
        if (pk.startsWith(Keys.CODE_PREFIX)) {
            return Optional.of(REFERRAL_CODE);
        }
        if (pk.startsWith(Keys.COUPON_PREFIX)) {
            return Optional.of(COUPON);
        }
        if (pk.startsWith(Keys.SHOP_ORDER_PREFIX)) {
            return Optional.of(SHOP_ORDER);
        }
        if (pk.startsWith(Keys.OUTBOUND_PREFIX)) {
            return Optional.of(OUTBOUND);
        }
        if (pk.startsWith(Keys.CAMPAIGN_PREFIX) && io.playloop.mechanic.Mechanics.ownerOfCounter(sk).isPresent()) {
            return Optional.of(MECHANIC_COUNTER);
        }
        return Optional.empty();
    }

    private static Optional<ItemKind> customerItem(String sk) {
        return Optional.ofNullable(customerItemOrNull(sk));
    }

    private static ItemKind customerItemOrNull(String sk) {
        if (sk.startsWith(Keys.CONSENT_PREFIX)) {
            return CONSENT;
        }
        if (sk.startsWith(Keys.INBOUND_PREFIX)) {
            return RECEIPT;
        }
        if (sk.startsWith(Keys.LEDGER_PREFIX)) {
            return LEDGER_ENTRY;
        }
        if (sk.startsWith(Keys.BADGE_PREFIX)) {
            return BADGE;
        }
        if (sk.startsWith(Keys.DONE_PREFIX)) {
            return COMPLETION;
        }
        if (sk.startsWith(Keys.REFERRAL_PREFIX)) {
            return REFERRAL;
        }
        if (sk.startsWith(Keys.REWARD_PREFIX)) {
            return REWARD;
        }
        if (sk.startsWith(Keys.LEADERBOARD_PREFIX)) {
            return WEEKLY_SCORE;
        }
        if (sk.startsWith(Keys.ORDER_PREFIX)) {
            return ORDER;
        }
        if (sk.startsWith(Keys.OUTBOUND_PREFIX)) {
            return SENT;
        }
        return switch (sk) {
            case Keys.POINTS -> POINTS;
            case Keys.QUIZ -> QUIZ;
            case Keys.SPIN -> SPIN;
            case Keys.PROGRESS -> PROGRESS;
            case Keys.SCHEDULE -> SCHEDULE;
            case Keys.PROFILE -> PROFILE;
            default -> io.playloop.mechanic.Mechanics.ownerOfSlice(sk).isPresent() ? MECHANIC_SLICE : null;
        };
    }
}
