package io.playloop.store;

import io.playloop.outreach.Schedule;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code SCHEDULE} item and its entry in the sparse due index. The index is keyed by the UTC hour of the next
 * look and a shard ({@code gsi1pk = DUE#2026-11-23T14#3}), sorted by the instant and the customer
 * ({@code gsi1sk = 2026-11-23T14:05:00.000Z#<key>}): a run reads, per shard, only the entries of the hours between
 * its cursor and now that are already due. An item with nothing ahead carries no {@code gsi1pk} and is not in the
 * index at all. Shards spread one hour's entries over {@link #SHARDS} partitions of the index, so a campaign that
 * makes 100,000 customers due in the same hour does not write one index partition at once.
 */
public final class ScheduleItems {
    /** Index partitions per hour. */
    public static final int SHARDS = 4;
    static final String DUE_PREFIX = "DUE#";
    static final String VERSION = "version";
    static final String DUE_AT = "dueAt";
    static final String SENT = "sent";
    static final String LAST_TEMPLATE_AT = "lastTemplateAt";
    static final String DONE = "done";
    static final String DEFERRED = "deferred";
    static final String BACKOFFS = "backoffs";
    static final String TEMPLATE_ONLY = "templateOnly";
    static final String MARKETING_STOPPED_AT = "marketingStoppedAt";
    static final String CUSTOMER = "customerKey";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    private ScheduleItems() {
    }

    /** The index partition of an instant's hour and a shard. */
    public static String bucket(Instant at, int shard) {
        return DUE_PREFIX + HOUR.format(at) + "#" + shard;
    }

    /** The customer's shard (CRC-32 of the key). */
    public static int shard(String customerKey) {
        CRC32 crc = new CRC32();
        crc.update(customerKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return (int) (crc.getValue() % SHARDS);
    }

    /** The sort key of an entry: the instant, then the customer (two customers due at once stay apart). */
    public static String sortKey(Instant at, String customerKey) {
        return Keys.sortable(at) + "#" + customerKey;
    }

    /** Upper bound of the sort keys due at {@code now}. */
    static String dueBy(Instant now) {
        return Keys.sortable(now) + "#\uffff";
    }

    /**
     * An UpdateItem that moves a customer's next look (and index entry) to {@code at} without reading the schedule,
     * raising its version so a game step or a visit that read the old one reads again; with {@code onlyIfLater}, only
     * when the stored look is later or absent. Only an existing schedule is moved: a customer erased meanwhile is not
     * brought back (ConditionalCheckFailedException in either case).
     */
    static software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest moveLook(String tableName,
            String customerKey, Instant at, boolean onlyIfLater) {
        var update = software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest.builder()
                .tableName(tableName).key(Keys.schedule(customerKey))
                .updateExpression("SET #due = :due, #gpk = :gpk, #gsk = :gsk, #customer = :customer ADD #version :one")
                .expressionAttributeValues(Map.of(":due", StoreItems.s(Keys.sortable(at)),
                        ":gpk", StoreItems.s(bucket(at, shard(customerKey))),
                        ":gsk", StoreItems.s(sortKey(at, customerKey)),
                        ":customer", StoreItems.s(customerKey), ":one", StoreItems.n(1)))
                .returnConsumedCapacity(software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity.TOTAL);
        if (onlyIfLater) {
            update.conditionExpression("attribute_exists(#pk) AND (attribute_not_exists(#due) OR #due > :due)");
        } else {
            update.conditionExpression("attribute_exists(#pk)");
        }
        return update.expressionAttributeNames(Map.of("#due", DUE_AT, "#gpk", Keys.GSI1_PK, "#gsk", Keys.GSI1_SK,
                "#customer", CUSTOMER, "#version", VERSION, "#pk", Keys.PK)).build();
    }

    static Map<String, AttributeValue> item(String customerKey, Schedule s, long version) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.schedule(customerKey));
        item.put(CUSTOMER, StoreItems.s(customerKey));
        item.put(VERSION, StoreItems.n(version));
        s.dueAt().ifPresent(at -> {
            item.put(DUE_AT, StoreItems.s(Keys.sortable(at)));
            item.put(Keys.GSI1_PK, StoreItems.s(bucket(at, shard(customerKey))));
            item.put(Keys.GSI1_SK, StoreItems.s(sortKey(at, customerKey)));
        });
        if (!s.sent().isEmpty()) {
            item.put(SENT, AttributeValue.fromL(s.sent().stream().map(at -> StoreItems.n(at.getEpochSecond())).toList()));
        }
        s.lastTemplateAt().ifPresent(at -> item.put(LAST_TEMPLATE_AT, StoreItems.n(at.getEpochSecond())));
        if (!s.done().isEmpty()) {
            item.put(DONE, instants(s.done()));
        }
        if (!s.deferred().isEmpty()) {
            item.put(DEFERRED, instants(s.deferred()));
        }
        if (s.backoffs() > 0) {
            item.put(BACKOFFS, StoreItems.n(s.backoffs()));
        }
        s.marketingStoppedAt().ifPresent(at -> item.put(MARKETING_STOPPED_AT, StoreItems.n(at.getEpochSecond())));
        if (!s.templateOnly().isEmpty()) {
            item.put(TEMPLATE_ONLY, AttributeValue.fromSs(List.copyOf(s.templateOnly())));
        }
        return item;
    }

    static Schedule schedule(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return Schedule.NONE;
        }
        long version = Long.parseLong(item.get(VERSION).n());
        Optional<Instant> dueAt = Optional.ofNullable(item.get(DUE_AT)).map(v -> Instant.parse(v.s()));
        List<Instant> sent = new ArrayList<>();
        if (item.get(SENT) != null) {
            item.get(SENT).l().forEach(v -> sent.add(Instant.ofEpochSecond(Long.parseLong(v.n()))));
        }
        Optional<Instant> lastTemplate = Optional.ofNullable(item.get(LAST_TEMPLATE_AT))
                .map(v -> Instant.ofEpochSecond(Long.parseLong(v.n())));
        int backoffs = item.get(BACKOFFS) == null ? 0 : Integer.parseInt(item.get(BACKOFFS).n());
        java.util.Set<String> templateOnly = item.get(TEMPLATE_ONLY) == null ? java.util.Set.of()
                : java.util.Set.copyOf(item.get(TEMPLATE_ONLY).ss());
        Optional<Instant> marketingStopped = Optional.ofNullable(item.get(MARKETING_STOPPED_AT))
                .map(v -> Instant.ofEpochSecond(Long.parseLong(v.n())));
        return new Schedule(version, dueAt, sent, lastTemplate, instants(item.get(DONE)), instants(item.get(DEFERRED)),
                backoffs, templateOnly, marketingStopped);
    }

    private static AttributeValue instants(Map<String, Instant> byId) {
        Map<String, AttributeValue> m = new HashMap<>();
        byId.forEach((id, at) -> m.put(id, StoreItems.n(at.getEpochSecond())));
        return AttributeValue.fromM(m);
    }

    private static Map<String, Instant> instants(AttributeValue value) {
        Map<String, Instant> out = new HashMap<>();
        if (value != null && value.m() != null) {
            value.m().forEach((id, v) -> out.put(id, Instant.ofEpochSecond(Long.parseLong(v.n()))));
        }
        return out;
    }
}
