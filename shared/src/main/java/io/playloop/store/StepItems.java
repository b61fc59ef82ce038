package io.playloop.store;

import io.playloop.mechanic.DomainEvent;
import io.playloop.mechanic.EventCodec;
import io.playloop.mechanic.ItemWrite;
import io.playloop.mechanic.SliceWrite;
import io.playloop.mechanic.StoredSlice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The generic half of a step's transaction: SPI mechanics' slices (each a Put under its version), their item writes
 * (insert once, conditional ADD) and the step's events on its receipt ({@code ev}); and what a refused condition among
 * them means, by the {@link ItemWrite.Conflict} each carries. Attributes go between neutral values (String, Long,
 * Boolean, List, Map) and DynamoDB's.
 */
public final class StepItems {
    /** The receipt's attribute holding the step's events ({@link EventCodec}). */
    public static final String EVENTS = "ev";
    static final String VERSION = "version";

    /** A step's generic writes: its slices under the versions read, its items, and its events. */
    public record StepWrites(List<SliceWrite> slices, List<ItemWrite> items, List<DomainEvent> events) {
        public static final StepWrites NONE = new StepWrites(List.of(), List.of(), List.of());

        public StepWrites {
            slices = List.copyOf(slices);
            items = List.copyOf(items);
            events = List.copyOf(events);
        }
    }

    /** Where the generic actions sit in a transaction and what their refusal means. */
    static final class Actions {
        private final Map<Integer, ItemWrite.Conflict> conflicts = new LinkedHashMap<>();

        /**
         * The first conflict among the refused actions: a duplicate before an exhausted budget before a retry.
         *
         * @return the exception to throw, or null when none of these actions was refused
         */
        RuntimeException translate(List<CancellationReason> reasons, String wamid, String customerKey,
                                   Throwable cause) {
            ItemWrite.Conflict found = null;
            for (Map.Entry<Integer, ItemWrite.Conflict> e : conflicts.entrySet()) {
                int i = e.getKey();
                if (reasons.size() > i && "ConditionalCheckFailed".equals(reasons.get(i).code())
                        && (found == null || e.getValue().kind().ordinal() < found.kind().ordinal())) {
                    found = e.getValue();
                }
            }
            if (found == null) {
                return null;
            }
            RuntimeException result = switch (found.kind()) {
                case DUPLICATE -> new DuplicateInboundException(wamid);
                case EXHAUSTED -> new BudgetExhaustedException(found.token());
                case RETRY -> new ConcurrentUpdateException(customerKey);
            };
            result.initCause(cause);
            return result;
        }
    }

    private StepItems() {
    }

    /** The receipt's item with the step's events (none: unchanged, as receipts were before events). */
    static Map<String, AttributeValue> withEvents(Map<String, AttributeValue> receiptItem, List<DomainEvent> events) {
        if (events.isEmpty()) {
            return receiptItem;
        }
        Map<String, AttributeValue> item = new HashMap<>(receiptItem);
        item.put(EVENTS, AttributeValue.fromS(EventCodec.write(events)));
        return item;
    }

    /** The events stored on a receipt item, with their ids; empty for a receipt written before events. */
    public static List<DomainEvent> events(Map<String, AttributeValue> receiptItem) {
        AttributeValue ev = receiptItem.get(EVENTS);
        if (ev == null || ev.s() == null) {
            return List.of();
        }
        String sk = receiptItem.get(Keys.SK).s();
        return EventCodec.read(sk.substring(Keys.INBOUND_PREFIX.length()), ev.s());
    }

    /** A slice item as read. */
    static StoredSlice slice(Map<String, AttributeValue> item) {
        Map<String, Object> attributes = new HashMap<>();
        long version = 0;
        for (Map.Entry<String, AttributeValue> a : item.entrySet()) {
            if (a.getKey().equals(Keys.PK) || a.getKey().equals(Keys.SK)) {
                continue;
            }
            if (a.getKey().equals(VERSION)) {
                version = Long.parseLong(a.getValue().n());
                continue;
            }
            Object value = neutral(a.getValue());
            if (value != null) {
                attributes.put(a.getKey(), value);
            }
        }
        return new StoredSlice(item.get(Keys.SK).s(), attributes, version);
    }

    /** Adds the slices' and items' actions, remembering what each one's refusal means. */
    static Actions add(List<TransactWriteItem> actions, String tableName, String customerKey, StepWrites writes) {
        Actions added = new Actions();
        for (SliceWrite slice : writes.slices()) {
            Map<String, AttributeValue> item = new HashMap<>(Keys.mechanicItem(customerKey, slice.sortKey()));
            slice.attributes().forEach((k, v) -> item.put(k, dynamo(v)));
            item.put(VERSION, AttributeValue.fromN(Long.toString(slice.expectedVersion() + 1)));
            added.conflicts.put(actions.size(), ItemWrite.Conflict.RETRY);
            actions.add(TransactWriteItem.builder().put(StoreItems.versionedPut(tableName, item, VERSION,
                    slice.expectedVersion())).build());
        }
        for (ItemWrite write : writes.items()) {
            Map<String, AttributeValue> key = write.scope() == ItemWrite.Scope.CUSTOMER
                    ? Keys.mechanicItem(requireOwn(write, customerKey), write.sortKey())
                    : Keys.mechanicCounter(write.owner(), write.sortKey());
            added.conflicts.put(actions.size(), write.onConflict());
            if (write instanceof ItemWrite.InsertOnce insert) {
                Map<String, AttributeValue> item = new HashMap<>(key);
                insert.attributes().forEach((k, v) -> item.put(k, dynamo(v)));
                actions.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", Keys.PK)).build()).build());
            } else {
                actions.add(TransactWriteItem.builder().update(add(tableName, key, (ItemWrite.Add) write)).build());
            }
        }
        return added;
    }

    /** ADD every counter; each limited one only while below its limit. */
    private static Update add(String tableName, Map<String, AttributeValue> key, ItemWrite.Add add) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> adds = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Long> counter : add.increments().entrySet()) {
            names.put("#c" + i, counter.getKey());
            values.put(":a" + i, AttributeValue.fromN(Long.toString(counter.getValue())));
            adds.add("#c" + i + " :a" + i);
            Long limit = add.limits().get(counter.getKey());
            if (limit != null) {
                values.put(":l" + i, AttributeValue.fromN(Long.toString(limit)));
                conditions.add("(attribute_not_exists(#c" + i + ") OR #c" + i + " < :l" + i + ")");
            }
            i++;
        }
        Update.Builder update = Update.builder().tableName(tableName).key(key)
                .updateExpression("ADD " + String.join(", ", adds))
                .expressionAttributeNames(names).expressionAttributeValues(values);
        if (!conditions.isEmpty()) {
            update.conditionExpression(String.join(" AND ", conditions));
        }
        return update.build();
    }

    private static String requireOwn(ItemWrite write, String customerKey) {
        if (!write.owner().equals(customerKey)) {
            throw new IllegalArgumentException("a step writes only in its own customer's partition, not "
                    + write.owner());
        }
        return customerKey;
    }

    static AttributeValue dynamo(Object value) {
        Objects.requireNonNull(value, "a neutral attribute has no null value");
        if (value instanceof String s) {
            return AttributeValue.fromS(s);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return AttributeValue.fromN(value.toString());
        }
        if (value instanceof Boolean b) {
            return AttributeValue.fromBool(b);
        }
        if (value instanceof List<?> list) {
            return AttributeValue.fromL(list.stream().map(StepItems::dynamo).toList());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, AttributeValue> m = new HashMap<>();
            map.forEach((k, v) -> m.put((String) k, dynamo(v)));
            return AttributeValue.fromM(m);
        }
        throw new IllegalArgumentException("not a neutral attribute value: " + value.getClass().getName());
    }

    static Object neutral(AttributeValue value) {
        if (value.s() != null) {
            return value.s();
        }
        if (value.n() != null) {
            return Long.parseLong(value.n());
        }
        if (value.bool() != null) {
            return value.bool();
        }
        if (value.hasL()) {
            return value.l().stream().map(StepItems::neutral).toList();
        }
        if (value.hasM()) {
            Map<String, Object> m = new HashMap<>();
            value.m().forEach((k, v) -> m.put(k, neutral(v)));
            return m;
        }
        return null;
    }
}
