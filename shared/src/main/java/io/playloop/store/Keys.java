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
 *   <caption>Items</caption>
 *   <tr><th>item</th><th>pk</th><th>sk</th><th>ttl</th><th>written by</th></tr>
 *   <tr><td>customer profile</td><td>{@code CUSTOMER#<key>}</td><td>{@code PROFILE}</td><td>none</td>
 *       <td>game, once per applied message (version-checked)</td></tr>
 *   <tr><td>consent event</td><td>{@code CUSTOMER#<key>}</td>
 *       <td>{@code CONSENT#<instant>#<wamid>}</td><td>none (audit trail)</td>
 *       <td>game, on START/STOP (insert only)</td></tr>
 *   <tr><td>points account</td><td>{@code CUSTOMER#<key>}</td><td>{@code POINTS}</td><td>none</td>
 *       <td>game, when points change (version-checked), in the receipt's transaction</td></tr>
 *   <tr><td>quiz session</td><td>{@code CUSTOMER#<key>}</td><td>{@code QUIZ}</td><td>none</td>
 *       <td>game, when the quiz changes (version-checked), in the receipt's transaction</td></tr>
 *   <tr><td>wheel</td><td>{@code CUSTOMER#<key>}</td><td>{@code SPIN}</td><td>none</td>
 *       <td>game, when the wheel turns (version-checked), in the receipt's transaction</td></tr>
 *   <tr><td>prize budget</td><td>{@code CAMPAIGN#<campaign>}</td><td>{@code SPIN_BUDGET#<prizeId>}</td>
 *       <td>none</td><td>game, conditional ADD with the spin that wins a budgeted prize</td></tr>
 *   <tr><td>ledger entry</td><td>{@code CUSTOMER#<key>}</td><td>{@code LEDGER#<KIND>#<eventId>}</td>
 *       <td>none (audit trail)</td><td>game, with the points change (insert only)</td></tr>
 *   <tr><td>inbound receipt</td><td>{@code INBOUND#<wamid>}</td><td>{@code RECEIPT}</td>
 *       <td>processing time + {@link InboundReceipt#RETENTION}</td>
 *       <td>game, with the state change it caused (insert unless expired), then marked replied</td></tr>
 * </table>
 *
 * <table>
 *   <caption>Access patterns</caption>
 *   <tr><th>pattern</th><th>operation</th></tr>
 *   <tr><td>load a customer and the receipt of the message being processed</td>
 *       <td>BatchGetItem (consistent) of {@link #customer}, {@link #points}, {@link #quiz}, {@link #spin} and
 *       {@link #receipt}</td></tr>
 *   <tr><td>apply a message exactly once</td>
 *       <td>TransactWriteItems: receipt (absent or expired), profile (version), consent event (absent),
 *       points (version) and ledger entries (absent) when points change</td></tr>
 *   <tr><td>a customer's ledger (export, support; never on the message path)</td>
 *       <td>Query pk = {@link #customerPartition}, sk begins_with {@link #LEDGER_PREFIX}</td></tr>
 *   <tr><td>mark a reply sent</td><td>UpdateItem of {@link #receipt} (must exist)</td></tr>
 *   <tr><td>a customer's consent history, oldest first</td>
 *       <td>Query pk = {@link #customerPartition}, sk begins_with {@link #CONSENT_PREFIX}</td></tr>
 *   <tr><td>everything about a customer (export, erasure)</td>
 *       <td>Query pk = {@link #customerPartition}</td></tr>
 * </table>
 *
 * <p>The GSI slot {@link #GSI1} ({@link #GSI1_PK}, {@link #GSI1_SK}) is unused for now and sparse: no
 * item above sets {@code gsi1pk}, so none is copied into the index. It is reserved for due reminders
 * and leaderboards, which will write small purpose-built items that set it.
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
    public static final String RECEIPT = "RECEIPT";

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

    /** The receipt of one inbound message: {@code pk=INBOUND#<wamid>, sk=RECEIPT}. */
    public static Map<String, AttributeValue> receipt(String wamid) {
        return key(INBOUND_PREFIX + requireValue(wamid, "wamid"), RECEIPT);
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
