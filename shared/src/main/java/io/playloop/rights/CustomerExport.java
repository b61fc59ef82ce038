package io.playloop.rights;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playloop.store.CapacityMeter;
import io.playloop.store.CustomerRecords;
import io.playloop.store.ItemKind;
import io.playloop.store.Keys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Everything the table holds on one customer as one JSON document (the right of access): every item of their
 * partition and every item elsewhere that names them (referral code, coupons, shop order links, proactive-message
 * records, the referral that brought them), each decoded to plain JSON with its kind and lifetime. No Scan: the same
 * reads an erasure makes ({@link CustomerRecords}).
 *
 * <pre>{@code
 * {"format":"playloop/customer-export@1","customerKey":"33612345678","exportedAt":"2026-11-23T10:15:30Z",
 *  "found":true,"items":[{"kind":"PROFILE","what":"customer profile","lifetime":"as long as ...",
 *                          "pk":"CUSTOMER#33612345678","sk":"PROFILE","removedAfter":null,"data":{...}}, ...]}
 * }</pre>
 */
public final class CustomerExport {
    /** The document's format name. */
    public static final String FORMAT = "playloop/customer-export@1";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final CustomerRecords records;
    private final Clock clock;

    public CustomerExport(DynamoDbClient dynamo, String tableName, CapacityMeter meter, Clock clock) {
        this(new CustomerRecords(dynamo, tableName, meter), clock);
    }

    public CustomerExport(CustomerRecords records, Clock clock) {
        this.records = Objects.requireNonNull(records, "records");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The document; {@code found} is false (and {@code items} empty) when the table holds nothing on the customer. */
    public ObjectNode export(String customerKey) {
        List<Map<String, AttributeValue>> partition = records.partition(customerKey);
        CustomerRecords.Elsewhere elsewhere = records.elsewhere(customerKey, partition);
        List<Map<String, AttributeValue>> keys = new ArrayList<>(elsewhere.owned().keySet());
        elsewhere.referredBy().ifPresent(keys::add);
        List<Map<String, AttributeValue>> outside = new ArrayList<>();
        for (Map<String, AttributeValue> item : records.existing(keys)) {
            String naming = elsewhere.owned().get(CustomerRecords.keyOf(item));
            if (naming == null || item.get(naming) != null && customerKey.equals(item.get(naming).s())) {
                outside.add(item);
            }
        }
        outside.sort(java.util.Comparator.comparing((Map<String, AttributeValue> i) -> i.get(Keys.PK).s())
                .thenComparing(i -> i.get(Keys.SK).s()));

        ObjectNode document = JSON.objectNode();
        document.put("format", FORMAT);
        document.put("customerKey", customerKey);
        document.put("exportedAt", clock.instant().toString());
        document.put("found", !partition.isEmpty() || !outside.isEmpty());
        ArrayNode items = document.putArray("items");
        partition.forEach(item -> items.add(entry(item)));
        outside.forEach(item -> items.add(entry(item)));
        return document;
    }

    private static ObjectNode entry(Map<String, AttributeValue> item) {
        String pk = item.get(Keys.PK).s();
        String sk = item.get(Keys.SK).s();
        Optional<ItemKind> kind = ItemKind.of(pk, sk);
        ObjectNode entry = JSON.objectNode();
        entry.put("kind", kind.map(Enum::name).orElse("UNKNOWN"));
        entry.put("what", kind.map(ItemKind::label).orElse("an item this version does not know"));
        entry.put("lifetime", kind.map(k -> k.lifetime().rule()).orElse(null));
        entry.put("pk", pk);
        entry.put("sk", sk);
        AttributeValue ttl = item.get(Keys.TTL);
        entry.put("removedAfter", ttl == null || ttl.n() == null ? null
                : Instant.ofEpochSecond(Long.parseLong(ttl.n())).toString());
        Map<String, AttributeValue> data = new java.util.HashMap<>(item);
        data.remove(Keys.PK);
        data.remove(Keys.SK);
        entry.set("data", ItemJson.of(data));
        return entry;
    }
}
