package io.playloop.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every key shape and access pattern of the single table, in one place. Attribute names of the keys
 * ({@code pk}, {@code sk}, {@code gsi1pk}, {@code gsi1sk}, {@code ttl}) match template.yaml; a test fails
 * if they drift.
 *
 * <table>
 *   <caption>Items (the registry is {@link ItemKind}: a test fails when a builder here has no kind, and when a
 *   kind that names a customer has no bounded lifetime)</caption>
 *   <tr><th>item</th><th>pk</th><th>sk</th><th>lifetime</th><th>written by</th></tr>
 *   <tr><td>customer profile</td><td>{@code CUSTOMER#<key>}</td><td>{@code PROFILE}</td>
 *       <td>as long as the customer (until erased on request, or after the campaign's retention.inactive_customers without a message)</td><td>game</td></tr>
 *   <tr><td>consent event</td><td>{@code CUSTOMER#<key>}</td><td>{@code CONSENT#<instant>#<wamid>}</td>
 *       <td>as long as the customer (the proof of consent lives as long as the profile)</td><td>game (START/STOP)</td></tr>
 *   <tr><td>inbound receipt</td><td>{@code CUSTOMER#<key>}</td><td>{@code INBOUND#<wamid or event id>}</td>
 *       <td>processing + 8 days (TTL), or erased with the customer</td><td>game (reply text removed once sent)</td></tr>
 *   <tr><td>points account</td><td>{@code CUSTOMER#<key>}</td><td>{@code POINTS}</td>
 *       <td>as long as the customer (live lots)</td><td>game, scheduler</td></tr>
 *   <tr><td>ledger entry</td><td>{@code CUSTOMER#<key>}</td><td>{@code LEDGER#<KIND>#<eventId>}</td>
 *       <td>the entry's time + 730 days (TTL), or erased with the customer</td><td>game, scheduler</td></tr>
 *   <tr><td>quiz session</td><td>{@code CUSTOMER#<key>}</td><td>{@code QUIZ}</td>
 *       <td>as long as the customer (the open question and streak)</td><td>game</td></tr>
 *   <tr><td>wheel</td><td>{@code CUSTOMER#<key>}</td><td>{@code SPIN}</td>
 *       <td>as long as the customer (cooldown and pending prizes)</td><td>game</td></tr>
 *   <tr><td>progress</td><td>{@code CUSTOMER#<key>}</td><td>{@code PROGRESS}</td>
 *       <td>as long as the customer (counters, badges, tier, wallet)</td><td>game, reward (wallet codes), friends' steps (counters)</td></tr>
 *   <tr><td>badge held</td><td>{@code CUSTOMER#<key>}</td><td>{@code BADGE#<badgeId>}</td>
 *       <td>as long as the customer (insert once)</td><td>game</td></tr>
 *   <tr><td>challenge completion</td><td>{@code CUSTOMER#<key>}</td><td>{@code DONE#<challenge>#<period>}</td>
 *       <td>as long as the customer (a challenge pays once per period)</td><td>game</td></tr>
 *   <tr><td>referral (referrer's copy)</td><td>{@code CUSTOMER#<referrer>}</td><td>{@code REFERRAL#<friend>}</td>
 *       <td>as long as the customer (erased with the referrer or with the friend)</td><td>the friend's steps</td></tr>
 *   <tr><td>reward held</td><td>{@code CUSTOMER#<key>}</td><td>{@code REWARD#<rewardId>}</td>
 *       <td>its validity's end + 90 days (TTL), or erased with the customer</td><td>game (catalogue and wheel), reward (pool code), scheduler (EXPIRED)</td></tr>
 *   <tr><td>weekly score (leaderboard entry)</td><td>{@code CUSTOMER#<key>}</td><td>{@code LB#<campaign>#<week>}</td>
 *       <td>the week's end + 35 days (TTL), or erased with the customer</td><td>game</td></tr>
 *   <tr><td>outreach schedule (due index entry)</td><td>{@code CUSTOMER#<key>}</td><td>{@code SCHEDULE}</td>
 *       <td>as long as the customer (next look, sends)</td><td>game, scheduler, ingest</td></tr>
 *   <tr><td>shop order (customer's side)</td><td>{@code CUSTOMER#<key>}</td><td>{@code ORDER#<source>#<orderId>}</td>
 *       <td>processing + 730 days (TTL), or erased with the customer</td><td>game (paid order)</td></tr>
 *   <tr><td>proactive message (customer's side)</td><td>{@code CUSTOMER#<key>}</td><td>{@code OUTBOUND#<wamid>}</td>
 *       <td>sending + 30 days (TTL), or erased with the customer</td><td>scheduler</td></tr>
 *   <tr><td>referral code holder</td><td>{@code CODE#<code>}</td><td>{@code CODE}</td>
 *       <td>as long as the customer (erased with its holder)</td><td>game (REFER)</td></tr>
 *   <tr><td>coupon</td><td>{@code COUPON#<code>}</td><td>{@code COUPON}</td>
 *       <td>its validity's end + 90 days (TTL), or erased with the customer</td><td>game, reward (pool), scheduler (EXPIRED)</td></tr>
 *   <tr><td>shop order's customer</td><td>{@code SHOPORDER#<source>#<order key>}</td><td>{@code ORDER}</td>
 *       <td>first seen + 730 days (TTL), or erased with the customer</td><td>ingest, when it queues a paid order of
 *       either format ({@code if_not_exists}: the first customer and first acceptance stay); read by ingest for a
 *       Shopify refund, which comes without a customer; an id over 100 bytes is keyed by its digest</td></tr>
 *   <tr><td>proactive message sent</td><td>{@code OUTBOUND#<wamid>}</td><td>{@code REMINDER}</td>
 *       <td>sending + 30 days (TTL), or erased with the customer</td><td>scheduler; ingest marks a failure</td></tr>
 *   <tr><td>prize budget</td><td>{@code CAMPAIGN#<campaign>}</td><td>{@code SPIN_BUDGET#<prizeId>}</td>
 *       <td>kept: counters without anyone's data</td><td>game</td></tr>
 *   <tr><td>a mechanic's customer state (its slice or records)</td><td>{@code CUSTOMER#<key>}</td>
 *       <td>{@code <the mechanic's sort key, e.g. SCRATCH>}</td><td>as long as the customer (registered by its
 *       mechanic in {@link io.playloop.mechanic.Mechanics}); a slice is read only when the message routes to its
 *       mechanic</td><td>game (the mechanic)</td></tr>
 *   <tr><td>a mechanic's campaign counter (budget)</td><td>{@code CAMPAIGN#<campaign>}</td>
 *       <td>{@code <the mechanic's prefix><id>, e.g. SCRATCH_BUDGET#<prizeId>}</td><td>kept: counters without
 *       anyone's data (a conditional ADD in the step's transaction)</td><td>game (the mechanic)</td></tr>
 *   <tr><td>stock counter</td><td>{@code CAMPAIGN#<campaign>}</td><td>{@code STOCK#<itemId>}</td>
 *       <td>kept: a counter without anyone's data</td><td>game</td></tr>
 *   <tr><td>free pool code</td><td>{@code POOL#<pool>}</td><td>{@code CODE#<code>}</td>
 *       <td>kept: until handed out (then a coupon)</td><td>CLI import; reward (deletes it when handed out)</td></tr>
 *   <tr><td>weekly standings</td><td>{@code CAMPAIGN#<campaign>}</td><td>{@code TOP#<week>}</td>
 *       <td>publication + 14 days (TTL); rewritten by every scheduler run, so a customer erased or overtaken leaves
 *       it within one run</td><td>scheduler (from the shards of {@code gsi1}); read by TOP, eventually consistent</td></tr>
 *   <tr><td>campaign spend</td><td>{@code CAMPAIGN#<campaign>}</td><td>{@code SPEND}</td>
 *       <td>kept: a sum without anyone's data</td><td>scheduler</td></tr>
 *   <tr><td>messaging-limit reach</td><td>{@code SENDER#<phoneNumberId>}</td><td>{@code REACH}</td>
 *       <td>kept: hourly counts, older hours removed by the scheduler</td><td>scheduler</td></tr>
 *   <tr><td>scheduler cursor</td><td>{@code SCHEDULER}</td><td>{@code CURSOR}</td>
 *       <td>kept: one hour bucket</td><td>scheduler</td></tr>
 *   <tr><td>queue record's failures</td><td>{@code RECORD#<sqsMessageId>}</td><td>{@code FAILURES}</td>
 *       <td>last failure + {@link DynamoRecordFailures#KEPT} (15 days: a queue keeps a record 14)</td>
 *       <td>game and reward functions, one ADD each time the record itself fails (never on success); read back by
 *       the same UpdateItem ({@link io.playloop.batch.PartialBatch})</td></tr>
 *   <tr><td>campaign version</td><td>{@code CAMPAIGN#<id>}</td><td>{@code VERSION#<n>}</td>
 *       <td>kept: campaign configuration</td><td>CLI (push)</td></tr>
 *   <tr><td>campaign index</td><td>{@code CAMPAIGNS}</td><td>{@code CAMPAIGN#<id>}</td>
 *       <td>kept: campaign configuration</td><td>CLI (push)</td></tr>
 *   <tr><td>active campaign pointer</td><td>{@code CAMPAIGN#ACTIVE}</td><td>{@code ACTIVE}</td>
 *       <td>kept: campaign configuration</td><td>CLI (activate)</td></tr>
 * </table>
 *
 * <p>Lifetimes: a {@code ttl} attribute (epoch seconds) where the table says TTL, written by the code that writes the
 * item; DynamoDB removes the item within days after it. Everything that names a customer goes with them when they are
 * erased ({@link io.playloop.rights.CustomerErasure}: on request, or by the scheduler after the campaign's
 * {@code retention.inactive_customers} without a message). A profile being erased carries the tombstone
 * {@code erasingSince} until the erasure ends; nothing is played, visited or written for it meanwhile.
 *
 * <table>
 *   <caption>Access patterns</caption>
 *   <tr><th>pattern</th><th>operation</th></tr>
 *   <tr><td>load a customer and the receipt of the message being processed (7 keys, 8 with a code: the receipt
 *       is in the customer's partition, so it costs no more than before)</td>
 *       <td>BatchGetItem (consistent) of {@link #customer}, {@link #points}, {@link #quiz}, {@link #spin},
 *       {@link #progress}, {@link #schedule} and {@link #receipt}, plus {@link #referralCode} when the message carries a valid
 *       code</td></tr>
 *   <tr><td>a week's top (TOP)</td><td>K Queries on {@link #GSI1}, {@code gsi1pk = LB#<campaign>#<week>#<shard>},
 *       ascending, Limit N (eventually consistent), merged</td></tr>
 *   <tr><td>a rank outside the top (TOP)</td><td>one COUNT Query on the customer's shard,
 *       {@code gsi1sk < <own sort key>}</td></tr>
 *   <tr><td>a customer's badges or referrals (export, support)</td>
 *       <td>Query pk = {@link #customerPartition}, sk begins_with {@link #BADGE_PREFIX} / {@link #REFERRAL_PREFIX}</td></tr>
 *   <tr><td>apply a message exactly once</td>
 *       <td>TransactWriteItems: receipt (absent or expired), profile (version), consent event (absent),
 *       points (version) and ledger entries (absent) when points change</td></tr>
 *   <tr><td>a customer's ledger (export, support; never on the message path)</td>
 *       <td>Query pk = {@link #customerPartition}, sk begins_with {@link #LEDGER_PREFIX}</td></tr>
 *   <tr><td>mark a reply sent</td><td>UpdateItem of {@link #receipt} (must exist), REMOVE its reply text</td></tr>
 *   <tr><td>a customer's consent history, oldest first</td>
 *       <td>Query pk = {@link #customerPartition}, sk begins_with {@link #CONSENT_PREFIX}</td></tr>
 *   <tr><td>the customer of a refunded shop order (ingest)</td>
 *       <td>GetItem (consistent) of {@link #shopOrder}</td></tr>
 *   <tr><td>what is due (scheduler)</td><td>per hour bucket from the cursor to now, per shard: Query
 *       {@link #GSI1}, {@code gsi1pk = DUE#<hour>#<shard>}, {@code gsi1sk <= <now>~}; then BatchGetItem (consistent) of
 *       {@link #customer}, {@link #points}, {@link #progress}, {@link #schedule} of each customer found</td></tr>
 *   <tr><td>a failed status of a proactive message (ingest)</td><td>GetItem of {@link #sentReminder}, then the
 *       scheduler's load and a version-checked write of the schedule (or the opt-out)</td></tr>
 *   <tr><td>count a queue record's own failure and read the count (game, reward)</td>
 *       <td>UpdateItem ADD of {@link #recordFailures}, ReturnValues ALL_NEW</td></tr>
 *   <tr><td>everything about a customer (export, erasure)</td>
 *       <td>Query pk = {@link #customerPartition} (consistent, paginated); then the items elsewhere derived from it
 *       ({@link #referralCode} from the progress, {@link #coupon} from rewards, wallet and wheel, {@link #shopOrder}
 *       from {@link #customerOrder}, {@link #sentReminder} from {@link #customerOutbound}, the {@link #referral} that
 *       brought them from the progress): BatchGetItem (export) or conditional DeleteItem (erasure); the partition's
 *       items by BatchWriteItem. Never a Scan</td></tr>
 *   <tr><td>record a proactive message (scheduler)</td><td>TransactWriteItems: ConditionCheck of {@link #customer}
 *       (live, not being erased), Put {@link #sentReminder}, Put {@link #customerOutbound}</td></tr>
 * </table>
 *
 * <p>The GSI slot {@link #GSI1} ({@link #GSI1_PK}, {@link #GSI1_SK}) is sparse: only the weekly score items and the
 * schedules with a next look set {@code gsi1pk}, so only they are copied into the index.
 *
 * <p>Instants inside keys use a fixed-width UTC form with milliseconds
 * ({@code 2026-11-23T10:15:30.000Z}) so that sort keys order by time; a variable-width
 * {@link Instant#toString()} would not ({@code ...:30Z} sorts after {@code ...:30.500Z}). No key is
 * ever built from an empty value.
 */
public final class Keys {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1 = "gsi1";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    public static final String TTL = "ttl";

    public static final String CUSTOMER_PREFIX = "CUSTOMER#";
    public static final String PROFILE = "PROFILE";
    public static final String CONSENT_PREFIX = "CONSENT#";
    public static final String INBOUND_PREFIX = "INBOUND#";
    public static final String POINTS = "POINTS";
    public static final String QUIZ = "QUIZ";
    public static final String SPIN = "SPIN";
    public static final String CAMPAIGN_PREFIX = "CAMPAIGN#";
    public static final String SPIN_BUDGET_PREFIX = "SPIN_BUDGET#";
    public static final String LEDGER_PREFIX = "LEDGER#";
    public static final String PROGRESS = "PROGRESS";
    public static final String BADGE_PREFIX = "BADGE#";
    public static final String DONE_PREFIX = "DONE#";
    public static final String REFERRAL_PREFIX = "REFERRAL#";
    public static final String CODE_PREFIX = "CODE#";
    public static final String CODE = "CODE";
    public static final String STOCK_PREFIX = "STOCK#";
    public static final String REWARD_PREFIX = "REWARD#";
    public static final String COUPON_PREFIX = "COUPON#";
    public static final String COUPON = "COUPON";
    public static final String POOL_PREFIX = "POOL#";
    public static final String SHOP_ORDER_PREFIX = "SHOPORDER#";
    public static final String SHOP_ORDER = "ORDER";
    public static final String SCHEDULE = "SCHEDULE";
    public static final String SCHEDULER = "SCHEDULER";
    public static final String CURSOR = "CURSOR";
    public static final String SPEND = "SPEND";
    public static final String STANDINGS_PREFIX = "TOP#";
    public static final String SENDER_PREFIX = "SENDER#";
    public static final String REACH = "REACH";
    public static final String OUTBOUND_PREFIX = "OUTBOUND#";
    public static final String ORDER_PREFIX = "ORDER#";
    public static final String LEADERBOARD_PREFIX = "LB#";
    public static final String REMINDER = "REMINDER";
    public static final String RECORD_PREFIX = "RECORD#";
    public static final String FAILURES = "FAILURES";

    private static final DateTimeFormatter SORTABLE_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Keys() {
    }

    /** The partition holding everything about one customer: {@code CUSTOMER#<key>}. */
    public static String customerPartition(String customerKey) {
        return CUSTOMER_PREFIX + requireValue(customerKey, "customer key");
    }

    /** The customer's profile item: {@code pk=CUSTOMER#<key>, sk=PROFILE}. */
    public static Map<String, AttributeValue> customer(String customerKey) {
        return key(customerPartition(customerKey), PROFILE);
    }

    /** One consent event: {@code pk=CUSTOMER#<key>, sk=CONSENT#<instant>#<wamid>}. */
    public static Map<String, AttributeValue> consent(String customerKey, Instant at, String wamid) {
        if (at == null) {
            throw new IllegalArgumentException("a consent event needs its time");
        }
        return key(customerPartition(customerKey),
                CONSENT_PREFIX + sortable(at) + "#" + requireValue(wamid, "wamid"));
    }

    /**
     * The customer's points account: {@code pk=CUSTOMER#<key>, sk=POINTS} (live lots, points earned, the
     * grants of the last 8 days, version). Read with the profile; written only when points change.
     */
    public static Map<String, AttributeValue> points(String customerKey) {
        return key(customerPartition(customerKey), POINTS);
    }

    /**
     * The customer's quiz session: {@code pk=CUSTOMER#<key>, sk=QUIZ} (the open question, today's count,
     * score, streak, version). Read with the profile; written only when the quiz changes.
     */
    public static Map<String, AttributeValue> quiz(String customerKey) {
        return key(customerPartition(customerKey), QUIZ);
    }

    /**
     * The customer's wheel: {@code pk=CUSTOMER#<key>, sk=SPIN} (last spin, pending rewards, version). Read
     * with the profile; written when the wheel turns, before the reply.
     */
    public static Map<String, AttributeValue> spin(String customerKey) {
        return key(customerPartition(customerKey), SPIN);
    }

    /**
     * A prize's budget counters: {@code pk=CAMPAIGN#<campaign>, sk=SPIN_BUDGET#<prizeId>}, one number per
     * campaign-local day ({@code d2026-03-04}) and a {@code total}; updated by a conditional ADD in the
     * transaction of the spin that wins the prize, never read on the message path (a refused claim says
     * the budget is used up). One item per budgeted prize: a daily budget of a few hundred wins keeps it
     * far from a hot key.
     */
    public static Map<String, AttributeValue> spinBudget(String campaignId, String prizeId) {
        return key(CAMPAIGN_PREFIX + requireValue(campaignId, "campaign id"),
                SPIN_BUDGET_PREFIX + requireValue(prizeId, "prize id"));
    }

    /**
     * One ledger entry: {@code pk=CUSTOMER#<key>, sk=LEDGER#<KIND>#<eventId>} (the entry's id), written
     * once with {@code attribute_not_exists}: the table refuses a replay of an event, however old.
     */
    public static Map<String, AttributeValue> ledgerEntry(String customerKey, String entryId) {
        return key(customerPartition(customerKey), LEDGER_PREFIX + requireValue(entryId, "ledger entry id"));
    }

    /**
     * The customer's progress: {@code pk=CUSTOMER#<key>, sk=PROGRESS} (action counters, streak, badges held,
     * completions, tier, referral code and counters, this week's score). Read with the profile; the customer's
     * own attributes are written under its version, the referral counters by friends' steps with ADD.
     */
    public static Map<String, AttributeValue> progress(String customerKey) {
        return key(customerPartition(customerKey), PROGRESS);
    }

    /** A badge held: {@code pk=CUSTOMER#<key>, sk=BADGE#<badgeId>}, inserted once ({@code attribute_not_exists}). */
    public static Map<String, AttributeValue> badge(String customerKey, String badgeId) {
        return key(customerPartition(customerKey), BADGE_PREFIX + requireValue(badgeId, "badge id"));
    }

    /**
     * A challenge completed in a period: {@code pk=CUSTOMER#<key>, sk=DONE#<challenge>#<period>}, inserted once
     * with the reward's grant, so a challenge pays once per period.
     */
    public static Map<String, AttributeValue> completion(String customerKey, String completionId) {
        return key(customerPartition(customerKey), DONE_PREFIX + requireValue(completionId, "completion id"));
    }

    /**
     * The referrer's copy of a referral: {@code pk=CUSTOMER#<referrer>, sk=REFERRAL#<friend>}, inserted by the
     * friend's first message, moved from PENDING to QUALIFIED once (condition on its state).
     */
    public static Map<String, AttributeValue> referral(String referrerKey, String friendKey) {
        return key(customerPartition(referrerKey), REFERRAL_PREFIX + requireValue(friendKey, "friend key"));
    }

    /**
     * Who holds a referral code: {@code pk=CODE#<code>, sk=CODE}, claimed with a conditional put when the code is
     * first shown; read (with the snapshot) only when a message carries a code whose check characters verify.
     */
    public static Map<String, AttributeValue> referralCode(String code) {
        return key(CODE_PREFIX + requireValue(code, "referral code"), CODE);
    }

    /**
     * A catalogue reward's stock counter: {@code pk=CAMPAIGN#<campaign>, sk=STOCK#<itemId>} ({@code taken}),
     * raised by a conditional ADD in each redemption's transaction, never read on the message path.
     */
    public static Map<String, AttributeValue> stock(String campaignId, String itemId) {
        return key(CAMPAIGN_PREFIX + requireValue(campaignId, "campaign id"), STOCK_PREFIX + requireValue(itemId, "item id"));
    }

    /**
     * An SPI mechanic's item in a customer's partition: {@code pk=CUSTOMER#<key>, sk=<its sort key>} (its slice, or a
     * record it inserts). The sort keys are the mechanics' own ({@link io.playloop.mechanic.Mechanics}); they live as
     * long as the customer and are erased with the partition.
     */
    public static Map<String, AttributeValue> mechanicItem(String customerKey, String sortKey) {
        return key(customerPartition(customerKey), requireValue(sortKey, "sort key"));
    }

    /**
     * An SPI mechanic's campaign counter (a budget): {@code pk=CAMPAIGN#<campaign>, sk=<its prefix><id>}, raised by a
     * conditional ADD in a step's transaction, never read on the message path; names no one.
     */
    public static Map<String, AttributeValue> mechanicCounter(String campaignId, String sortKey) {
        return key(CAMPAIGN_PREFIX + requireValue(campaignId, "campaign id"), requireValue(sortKey, "sort key"));
    }

    /** A reward the customer holds: {@code pk=CUSTOMER#<key>, sk=REWARD#<rewardId>}, inserted at redemption. */
    public static Map<String, AttributeValue> reward(String customerKey, String rewardId) {
        return key(customerPartition(customerKey), REWARD_PREFIX + requireValue(rewardId, "reward id"));
    }

    /**
     * A coupon code: {@code pk=COUPON#<code>, sk=COUPON} (holder, reward, status, validity), inserted once (a
     * code never goes to two customers) and marked used when an order carries it.
     */
    public static Map<String, AttributeValue> coupon(String code) {
        return key(COUPON_PREFIX + requireValue(code, "coupon code"), COUPON);
    }

    /** The partition of a coupon pool's free codes: {@code POOL#<pool>}. */
    public static String poolPartition(String pool) {
        return POOL_PREFIX + requireValue(pool, "pool id");
    }

    /**
     * A free code of a pool: {@code pk=POOL#<pool>, sk=CODE#<code>}, put by the CLI's import (only if the code was
     * never issued), deleted by the reward function in the transaction that gives it to a customer. The reward
     * function takes the first with one Query (Limit 1) on the pool's partition.
     */
    public static Map<String, AttributeValue> poolCode(String pool, String code) {
        return key(poolPartition(pool), CODE_PREFIX + requireValue(code, "coupon code"));
    }

    /**
     * Which customer a shop order was queued for, and since when: {@code pk=SHOPORDER#<source>#<order key>,
     * sk=ORDER}, attributes {@code customerKey}, {@code firstSeen}, {@code orderId} (the full id). The order key
     * is the id as {@code CommerceLimits.keyPart} writes it (an id over 100 UTF-8 bytes as its SHA-256). Written
     * by ingest when it queues a paid order of either format (UpdateItem, {@code if_not_exists}, so a replay or a
     * later edit of the order's phone keeps the customer who earned, and the first acceptance stays the first);
     * read by ingest to route a Shopify refund, which comes without any customer.
     */
    public static Map<String, AttributeValue> shopOrder(String source, String orderId) {
        return key(SHOP_ORDER_PREFIX + requireValue(source, "shop source") + "#" + requireValue(orderId, "order id"),
                SHOP_ORDER);
    }

    /**
     * The customer's outreach schedule: {@code pk=CUSTOMER#<key>, sk=SCHEDULE} (next look, proactive sends of the
     * budget's window, reminders done or put off). Read with the profile by the game and by the scheduler.
     */
    public static Map<String, AttributeValue> schedule(String customerKey) {
        return key(customerPartition(customerKey), SCHEDULE);
    }

    /** The scheduler's cursor: {@code pk=SCHEDULER, sk=CURSOR}. */
    public static Map<String, AttributeValue> schedulerCursor() {
        return key(SCHEDULER, CURSOR);
    }

    /** A campaign's proactive spend: {@code pk=CAMPAIGN#<campaign>, sk=SPEND}. */
    /** The week's standings the scheduler publishes for TOP: one item per campaign and week, read by key. */
    public static Map<String, AttributeValue> standings(String campaignId, String week) {
        return key(CAMPAIGN_PREFIX + requireValue(campaignId, "campaign id"),
                STANDINGS_PREFIX + requireValue(week, "week"));
    }

    public static Map<String, AttributeValue> campaignSpend(String campaignId) {
        return key(CAMPAIGN_PREFIX + requireValue(campaignId, "campaign id"), SPEND);
    }

    /** Unique customers reached by templates from a business number: {@code pk=SENDER#<phoneNumberId>, sk=REACH}. */
    public static Map<String, AttributeValue> reach(String phoneNumberId) {
        return key(SENDER_PREFIX + requireValue(phoneNumberId, "phone number id"), REACH);
    }

    /**
     * A proactive message the scheduler sent: {@code pk=OUTBOUND#<wamid Meta gave it>, sk=REMINDER} (customer, reminder,
     * channel, when), kept 30 days; read when a status webhook reports the message failed.
     */
    public static Map<String, AttributeValue> sentReminder(String wamid) {
        return key(OUTBOUND_PREFIX + requireValue(wamid, "wamid"), REMINDER);
    }

    /**
     * The receipt of one inbound message or shop event: {@code pk=CUSTOMER#<key>, sk=INBOUND#<wamid or event id>}, in
     * the customer's partition so that an erasure finds it with the rest (the game always knows whose message it reads).
     */
    public static Map<String, AttributeValue> receipt(String customerKey, String wamid) {
        return key(customerPartition(customerKey), INBOUND_PREFIX + requireValue(wamid, "wamid"));
    }

    /**
     * The customer's side of a paid shop order: {@code pk=CUSTOMER#<key>, sk=ORDER#<source>#<orderId>}, inserted with the
     * order's step, so an erasure finds the order's {@link #shopOrder} link from the customer.
     */
    public static Map<String, AttributeValue> customerOrder(String customerKey, String source, String orderId) {
        return key(customerPartition(customerKey), ORDER_PREFIX + requireValue(source, "shop source") + "#"
                + requireValue(orderId, "order id"));
    }

    /**
     * The customer's side of a proactive message: {@code pk=CUSTOMER#<key>, sk=OUTBOUND#<wamid>}, written with
     * {@link #sentReminder} in one transaction, so an erasure finds that record from the customer.
     */
    public static Map<String, AttributeValue> customerOutbound(String customerKey, String wamid) {
        return key(customerPartition(customerKey), OUTBOUND_PREFIX + requireValue(wamid, "wamid"));
    }

    /**
     * A queue record's own failure count: {@code pk=RECORD#<sqsMessageId>, sk=FAILURES} (attempts, permanent
     * attempts, first and last failure time and type). Keyed by the SQS message id, which stays the same across
     * receives; holds no customer data.
     */
    public static Map<String, AttributeValue> recordFailures(String sqsMessageId) {
        return key(RECORD_PREFIX + requireValue(sqsMessageId, "queue record id"), FAILURES);
    }

    /** An instant in the fixed-width form used inside sort keys. */
    public static String sortable(Instant at) {
        return SORTABLE_INSTANT.format(at);
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    private static String requireValue(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a " + what + " is required to build a table key; got "
                    + (value == null ? "null" : "a blank value"));
        }
        return value;
    }
}
