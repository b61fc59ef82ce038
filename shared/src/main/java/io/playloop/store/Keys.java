package io.playloop.store;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every key shape and access pattern of the single table, in one place. Attribute names of the keys
 * match template.yaml; a test fails if they drift.
 *
 * <table>
 *   <caption>Items and access patterns</caption>
 *   <tr><th>item</th><th>pk</th><th>sk</th><th>access pattern</th></tr>
 *   <tr><td>customer profile</td><td>{@code CUSTOMER#<key>}</td><td>{@code PROFILE}</td>
 *       <td>get by customer key (with the receipt, one BatchGetItem per inbound message); put with a
 *       version condition</td></tr>
 *   <tr><td>consent event</td><td>{@code CUSTOMER#<key>}</td><td>{@code CONSENT#<ISO-8601 instant>#<wamid>}</td>
 *       <td>append-only audit trail; query {@code begins_with(sk, "CONSENT#")} for a customer's history,
 *       oldest first</td></tr>
 *   <tr><td>inbound receipt</td><td>{@code INBOUND#<wamid>}</td><td>{@code RECEIPT}</td>
 *       <td>get by wamid; conditional put (absent or expired) = exactly-once; TTL 8 days</td></tr>
 *   <tr><td>gsi1 (sparse)</td><td>{@code gsi1pk}</td><td>{@code gsi1sk}</td>
 *       <td>reserved for later patterns (due reminders by time bucket, leaderboards); no item sets it yet</td></tr>
 * </table>
 *
 * <p>Customer keys are BSUIDs or wa_ids, never blank; wamids are Meta's ids. Neither contains '#'
 * in practice, and the key shapes stay unambiguous even if one did, because the prefix fixes the type.
 */
public final class Keys {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1 = "gsi1";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    public static final String TTL = "ttl";

    static final String CUSTOMER_PREFIX = "CUSTOMER#";
    static final String PROFILE = "PROFILE";
    static final String CONSENT_PREFIX = "CONSENT#";
    static final String INBOUND_PREFIX = "INBOUND#";
    static final String RECEIPT = "RECEIPT";

    private Keys() {
    }

    /** The customer profile item. */
    public static Map<String, AttributeValue> customer(String customerKey) {
        return key(CUSTOMER_PREFIX + requireNonBlank(customerKey, "customer key"), PROFILE);
    }

    /** One consent event of a customer's history. */
    public static Map<String, AttributeValue> consent(String customerKey, Instant at, String wamid) {
        return key(CUSTOMER_PREFIX + requireNonBlank(customerKey, "customer key"),
                CONSENT_PREFIX + at + "#" + requireNonBlank(wamid, "wamid"));
    }

    /** The receipt that an inbound message (wamid) was processed. */
    public static Map<String, AttributeValue> receipt(String wamid) {
        return key(INBOUND_PREFIX + requireNonBlank(wamid, "wamid"), RECEIPT);
    }

    /** The partition of everything about one customer (profile and consent history). */
    public static String customerPartition(String customerKey) {
        return CUSTOMER_PREFIX + requireNonBlank(customerKey, "customer key");
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    private static String requireNonBlank(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
