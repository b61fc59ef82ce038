package io.playloop.store;

import io.playloop.engine.Consent;
import io.playloop.engine.ConsentChange;
import io.playloop.engine.Customer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts between the engine's records and table items. Instants are stored as ISO-8601 strings
 * (readable in the console, sortable) except {@code ttl}, which DynamoDB wants in epoch seconds.
 */
final class ItemMapper {
    static final String ENTITY = "entity";
    static final String VERSION = "version";

    private ItemMapper() {
    }

    static Map<String, AttributeValue> customerItem(Customer c, long version) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.customer(c.key()));
        item.put(ENTITY, s("customer"));
        item.put("customerKey", s(c.key()));
        putIfPresent(item, "waId", c.waId());
        putIfPresent(item, "bsuid", c.bsuid());
        putIfPresent(item, "name", c.name());
        item.put("language", s(c.language()));
        item.put("points", n(c.points()));
        item.put("consentProactive", AttributeValue.fromBool(c.consent().proactive()));
        putIfPresent(item, "consentChangedAt", c.consent().changedAt());
        putIfPresent(item, "consentWamid", c.consent().wamid());
        putIfPresent(item, "firstSeenAt", c.firstSeenAt());
        putIfPresent(item, "lastInboundAt", c.lastInboundAt());
        item.put(VERSION, n(version));
        return item;
    }

    static Customer customer(Map<String, AttributeValue> item) {
        return new Customer(
                str(item, "customerKey"),
                str(item, "waId"),
                str(item, "bsuid"),
                str(item, "name"),
                str(item, "language"),
                num(item, "points"),
                new Consent(item.containsKey("consentProactive") && item.get("consentProactive").bool(),
                        instant(item, "consentChangedAt"), str(item, "consentWamid")),
                instant(item, "firstSeenAt"),
                instant(item, "lastInboundAt"),
                num(item, VERSION));
    }

    static Map<String, AttributeValue> consentItem(String customerKey, ConsentChange change) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.consent(customerKey, change.at(), change.wamid()));
        item.put(ENTITY, s("consent"));
        item.put("proactive", AttributeValue.fromBool(change.proactive()));
        item.put("at", s(change.at().toString()));
        item.put("wamid", s(change.wamid()));
        putIfPresent(item, "source", change.source());
        putIfPresent(item, "language", change.language());
        return item;
    }

    static ConsentChange consentChange(Map<String, AttributeValue> item) {
        return new ConsentChange(item.get("proactive").bool(), instant(item, "at"), str(item, "wamid"),
                str(item, "source"), str(item, "language"));
    }

    static Map<String, AttributeValue> receiptItem(InboundReceipt r) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.receipt(r.wamid()));
        item.put(ENTITY, s("receipt"));
        item.put("wamid", s(r.wamid()));
        item.put("customerKey", s(r.customerKey()));
        item.put("status", s(r.status().name()));
        putIfPresent(item, "replyJson", r.replyJson());
        putIfPresent(item, "owner", r.owner());
        item.put("processedAt", s(r.processedAt().toString()));
        item.put("expiresAt", s(r.expiresAt().toString()));
        item.put(Keys.TTL, n(r.expiresAt().getEpochSecond()));
        return item;
    }

    static InboundReceipt receipt(Map<String, AttributeValue> item) {
        return new InboundReceipt(str(item, "wamid"), str(item, "customerKey"),
                InboundReceipt.Status.valueOf(str(item, "status")), str(item, "replyJson"), str(item, "owner"),
                instant(item, "processedAt"), instant(item, "expiresAt"));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, Object value) {
        // DynamoDB refuses empty strings in key attributes and they mean nothing elsewhere: leave them out.
        if (value != null && !value.toString().isEmpty()) {
            item.put(name, s(value.toString()));
        }
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static long num(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? 0 : Long.parseLong(v.n());
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = str(item, name);
        return v == null ? null : Instant.parse(v);
    }
}
