package io.playloop.store;

import io.playloop.engine.Consent;
import io.playloop.engine.ConsentChange;
import io.playloop.engine.Customer;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps the store's records to table items and back.
 *
 * <p>Conventions: instants are ISO-8601 strings ({@link Instant#toString()}, UTC, exact round trip,
 * readable in the console); the one number-typed time is {@code ttl}, epoch seconds, because DynamoDB's
 * TTL requires it. Every item carries {@code type} (CUSTOMER, CONSENT, RECEIPT) for exports and
 * analytics. An absent optional value is an absent attribute, never an empty string. Texts (names,
 * reply JSON) are stored as given: DynamoDB strings are UTF-8, so Arabic and emoji come back byte for
 * byte.
 */
final class StoreItems {
    static final String TYPE = "type";
    static final String VERSION = "version";
    static final String STATUS = "status";
    /** The receipt's outbox: reward jobs not yet on the rewards queue. */
    static final String JOBS = "jobs";
    static final String SENT_WAMID = "sentWamid";
    static final String REPLIED_AT = "repliedAt";
    /**
     * On a profile being erased (the tombstone {@link io.playloop.rights.CustomerErasure} sets first): when the erasure
     * started, epoch seconds. A profile carrying it is no customer to play with, visit or write for.
     */
    static final String ERASING = "erasingSince";
    /** The receipt's reply (Graph API request body) until it is sent: it names the customer. */
    static final String REPLY = "replyJson";

    private StoreItems() {
    }

    // --- customer profile -------------------------------------------------------------------------

    /**
     * The profile's attributes other than its key, as stored with the given version. A null value
     * means "remove the attribute" (the field is now absent).
     */
    static Map<String, AttributeValue> customerAttributes(Customer c, long version) {
        Map<String, AttributeValue> a = new LinkedHashMap<>();
        a.put(TYPE, s("CUSTOMER"));
        a.put("customerKey", s(c.key()));
        a.put("waId", sOrNull(c.waId()));
        a.put("bsuid", sOrNull(c.bsuid()));
        a.put("name", sOrNull(c.name()));
        a.put("language", s(c.language()));
        a.put("points", n(c.points()));
        a.put("consent", consent(c.consent()));
        a.put("firstSeenAt", instantOrNull(c.firstSeenAt()));
        a.put("lastInboundAt", instantOrNull(c.lastInboundAt()));
        a.put(VERSION, n(version));
        return a;
    }

    /** Whether a profile item is the tombstone of an erasure under way. */
    static boolean erasing(Map<String, AttributeValue> item) {
        return item != null && item.containsKey(ERASING);
    }

    /**
     * A transaction's check that the customer exists and is not being erased: what a write that names a customer from
     * outside its own versioned profile carries, so that it cannot land after an erasure has swept the customer.
     */
    static software.amazon.awssdk.services.dynamodb.model.ConditionCheck customerLive(String tableName,
                                                                                      String customerKey) {
        return software.amazon.awssdk.services.dynamodb.model.ConditionCheck.builder().tableName(tableName)
                .key(Keys.customer(customerKey))
                .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#erasing)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#erasing", ERASING)).build();
    }

    static Customer customer(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> consent = required(item, "consent").m();
        return new Customer(
                string(item, "customerKey"),
                optionalString(item, "waId"),
                optionalString(item, "bsuid"),
                optionalString(item, "name"),
                string(item, "language"),
                number(item, "points"),
                new Consent(required(consent, "proactive").bool(),
                        optionalInstant(consent, "changedAt"),
                        optionalString(consent, "wamid")),
                optionalInstant(item, "firstSeenAt"),
                optionalInstant(item, "lastInboundAt"),
                number(item, VERSION));
    }

    private static AttributeValue consent(Consent consent) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("proactive", AttributeValue.fromBool(consent.proactive()));
        if (consent.changedAt() != null) {
            m.put("changedAt", s(consent.changedAt().toString()));
        }
        if (consent.wamid() != null) {
            m.put("wamid", s(consent.wamid()));
        }
        return AttributeValue.fromM(m);
    }

    // --- consent event ----------------------------------------------------------------------------

    static Map<String, AttributeValue> consentItem(String customerKey, ConsentChange change) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.consent(customerKey, change.at(), change.wamid()));
        item.put(TYPE, s("CONSENT"));
        item.put("proactive", AttributeValue.fromBool(change.proactive()));
        item.put("at", s(change.at().toString()));
        item.put("wamid", s(change.wamid()));
        putIfPresent(item, "source", change.source());
        putIfPresent(item, "language", change.language());
        return item;
    }

    static ConsentChange consentChange(Map<String, AttributeValue> item) {
        return new ConsentChange(required(item, "proactive").bool(), Instant.parse(string(item, "at")),
                string(item, "wamid"), optionalString(item, "source"), optionalString(item, "language"));
    }

    // --- inbound receipt --------------------------------------------------------------------------

    static Map<String, AttributeValue> receiptItem(InboundReceipt r) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.receipt(r.customerKey(), r.wamid()));
        item.put(TYPE, s("RECEIPT"));
        item.put("wamid", s(r.wamid()));
        item.put("customerKey", s(r.customerKey()));
        item.put(STATUS, s(r.status().name()));
        putIfPresent(item, REPLY, r.replyJson());
        putIfPresent(item, "owner", r.owner());
        putIfPresent(item, JOBS, r.jobsJson());
        item.put("processedAt", s(r.processedAt().toString()));
        item.put("expiresAt", s(r.expiresAt().toString()));
        item.put(Keys.TTL, n(ttl(r.expiresAt())));
        return item;
    }

    static InboundReceipt receipt(Map<String, AttributeValue> item) {
        return new InboundReceipt(
                string(item, "wamid"),
                string(item, "customerKey"),
                InboundReceipt.Status.valueOf(string(item, STATUS)),
                optionalString(item, REPLY),
                optionalString(item, "owner"),
                Instant.parse(string(item, "processedAt")),
                Instant.parse(string(item, "expiresAt")),
                optionalString(item, JOBS));
    }

    // --- the customer's side of a paid shop order ----------------------------------------------------

    static Map<String, AttributeValue> orderRecord(String customerKey, Commit.ShopOrder order, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.customerOrder(customerKey, order.source(), order.orderId()));
        item.put(TYPE, s("ORDER"));
        item.put("source", s(order.source()));
        item.put("orderId", s(order.orderId()));
        item.put("at", s(at.toString()));
        item.put(Keys.TTL, n(ItemKind.ORDER.ttlFrom(at)));
        return item;
    }

    /** The TTL of a reward or coupon record: its validity's end plus the kind's grace (disputes, returns). */
    static AttributeValue ttlAfterValidity(ItemKind kind, Instant validUntil) {
        return n(kind.ttlFrom(validUntil));
    }

    /**
     * The TTL value of an expiry: whole epoch seconds. Liveness is judged on this value everywhere
     * (read and conditional write), so both agree to the second.
     */
    static long ttl(Instant expiresAt) {
        return expiresAt.getEpochSecond();
    }

    /** True when the item's ttl has passed at {@code now}: TTL deletion is lazy, so it may still be there. */
    /** The profile's attribute holding {@link #lastInHint} of the last message applied. */
    static final String LAST_IN = "lastIn";

    /**
     * A short hint of a wamid (11 characters: base64url of the first 8 bytes of its SHA-256), kept on the profile
     * for the last message applied: a redelivery of that message reads its receipt, any other message does not.
     */
    public static String lastInHint(String wamid) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(wamid.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    static boolean expired(Map<String, AttributeValue> item, Instant now) {
        AttributeValue ttl = item.get(Keys.TTL);
        return ttl != null && ttl.n() != null && Long.parseLong(ttl.n()) <= now.getEpochSecond();
    }

    // --- helpers ----------------------------------------------------------------------------------

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static AttributeValue sOrNull(String value) {
        return value == null ? null : s(value);
    }

    private static AttributeValue instantOrNull(Instant value) {
        return value == null ? null : s(value.toString());
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static AttributeValue required(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null) {
            throw new IllegalStateException("stored item " + describe(item) + " has no attribute '" + name + "'");
        }
        return v;
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        String v = required(item, name).s();
        if (v == null) {
            throw new IllegalStateException("stored item " + describe(item) + ": '" + name + "' is not a string");
        }
        return v;
    }

    private static String optionalString(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static Instant optionalInstant(Map<String, AttributeValue> item, String name) {
        String v = optionalString(item, name);
        return v == null ? null : Instant.parse(v);
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        String v = required(item, name).n();
        if (v == null) {
            throw new IllegalStateException("stored item " + describe(item) + ": '" + name + "' is not a number");
        }
        return Long.parseLong(v);
    }

    /** The item's type and sort key: enough to find it, without a customer key (a phone number) in logs. */
    private static String describe(Map<String, AttributeValue> item) {
        AttributeValue type = item.get(TYPE);
        AttributeValue sk = item.get(Keys.SK);
        return (type == null ? "?" : type.s()) + "/" + (sk == null ? "?" : sk.s());
    }

    /** A Put of a whole item, if its version is still {@code expected} (absent when 0). */
    static software.amazon.awssdk.services.dynamodb.model.Put versionedPut(String tableName,
            Map<String, AttributeValue> item, String versionAttribute, long expected) {
        var put = software.amazon.awssdk.services.dynamodb.model.Put.builder().tableName(tableName).item(item);
        if (expected == 0) {
            return put.conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK)).build();
        }
        return put.conditionExpression("#version = :expected")
                .expressionAttributeNames(Map.of("#version", versionAttribute))
                .expressionAttributeValues(Map.of(":expected", n(expected))).build();
    }
}
