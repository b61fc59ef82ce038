package io.playloop.store;

import io.playloop.engine.Customer;
import io.playloop.engine.WalletEntry;
import io.playloop.ledger.LedgerEntry;
import io.playloop.outreach.Schedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The scheduler's reads and writes of the single table: the due index, a customer's state, the visit's claim, the
 * cursor, the number's reach and a recorded opt-out. Every access pattern is listed in {@link Keys}.
 */
public final class DynamoSchedulerStore {
    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final CapacityMeter meter;

    public DynamoSchedulerStore(DynamoDbClient dynamo, String tableName, CapacityMeter meter) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.meter = Objects.requireNonNull(meter, "meter");
    }
    /**
     * Publishes the week's standings for TOP ({@link DynamoStandings#publish}): K Queries on the board's shards and
     * one PutItem.
     */
    public void publishStandings(String campaignId, String week, int n, Instant at) {
        new DynamoStandings(dynamo, tableName, meter).publish(campaignId, week, n, at);
    }


    /** One index entry: whose schedule, due when (its sort key). */
    public record DueEntry(String customerKey, String sortKey) {
    }

    /** A page of due entries and where the next page starts (empty when the bucket is read to its end). */
    public record Page(List<DueEntry> entries, Optional<Map<String, AttributeValue>> next) {
    }

    /** A customer as the scheduler reads them. */
    public record CustomerState(Customer customer, PointsState points, ProgressState progress, Schedule schedule,
                                List<io.playloop.engine.Reward> won) {
    }

    /** The entries of one index partition already due at {@code now}, oldest first (eventually consistent). */
    public Page due(String bucket, Instant now, Optional<Map<String, AttributeValue>> startKey, int limit) {
        QueryResponse response = dynamo.query(b -> {
            b.tableName(tableName).indexName(Keys.GSI1)
                    .keyConditionExpression("#pk = :pk AND #sk <= :due")
                    .expressionAttributeNames(Map.of("#pk", Keys.GSI1_PK, "#sk", Keys.GSI1_SK))
                    .expressionAttributeValues(Map.of(":pk", StoreItems.s(bucket),
                            ":due", StoreItems.s(ScheduleItems.dueBy(now))))
                    .projectionExpression("#pk, #sk")
                    .limit(limit)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
            startKey.ifPresent(b::exclusiveStartKey);
        });
        meter.recordRead(response.consumedCapacity());
        List<DueEntry> entries = new ArrayList<>(response.count());
        for (Map<String, AttributeValue> item : response.items()) {
            String sortKey = item.get(Keys.GSI1_SK).s();
            entries.add(new DueEntry(sortKey.substring(sortKey.indexOf('#') + 1), sortKey));
        }
        Map<String, AttributeValue> last = response.lastEvaluatedKey();
        return new Page(entries, last == null || last.isEmpty() ? Optional.empty() : Optional.of(last));
    }

    /**
     * Profile, points, progress, schedule and wheel in one consistent BatchGetItem; empty when the profile is gone or
     * being erased.
     */
    public Optional<CustomerState> load(String customerKey) {
        List<Map<String, AttributeValue>> keys = List.of(Keys.customer(customerKey), Keys.points(customerKey),
                Keys.progress(customerKey), Keys.schedule(customerKey), Keys.spin(customerKey));
        List<Map<String, AttributeValue>> items = ConsistentBatchGet.items(dynamo, tableName, keys, meter);
        Customer customer = null;
        PointsState points = PointsState.NONE;
        ProgressState progress = ProgressState.NONE;
        Schedule schedule = Schedule.NONE;
        List<io.playloop.engine.Reward> won = List.of();
        for (Map<String, AttributeValue> item : items) {
            switch (item.get(Keys.SK).s()) {
                case Keys.PROFILE -> {
                    if (StoreItems.erasing(item)) {
                        return Optional.empty();
                    }
                    customer = StoreItems.customer(item);
                }
                case Keys.POINTS -> points = PointsItems.account(item);
                case Keys.PROGRESS -> progress = ProgressItems.state(item);
                case Keys.SCHEDULE -> schedule = ScheduleItems.schedule(item);
                case Keys.SPIN -> won = SpinItems.state(item).history().rewards();
                default -> {
                }
            }
        }
        return customer == null ? Optional.empty()
                : Optional.of(new CustomerState(customer, points, progress, schedule, won));
    }

    /**
     * Writes a visit's claim in one transaction.
     *
     * @throws ConcurrentUpdateException when the game changed the customer's schedule or points since the read
     * @throws BudgetExhaustedException  ("money:<campaign>") when the fee would take the spend past the budget
     */
    public void claim(SchedulerClaim claim) {
        List<TransactWriteItem> actions = new ArrayList<>();
        String key = claim.customerKey();
        if (claim.scheduleVersion() == 0) {
            // A first schedule names the customer without any item's version to guard it: never for one being erased.
            actions.add(TransactWriteItem.builder().conditionCheck(StoreItems.customerLive(tableName, key)).build());
        }
        actions.add(TransactWriteItem.builder().put(versioned(
                ScheduleItems.item(key, claim.schedule(), claim.scheduleVersion() + 1), ScheduleItems.VERSION,
                claim.scheduleVersion())).build());
        claim.points().ifPresent(points -> {
            actions.add(TransactWriteItem.builder().put(versioned(
                    PointsItems.accountItem(key, points.account(), points.expectedVersion() + 1), PointsItems.VERSION,
                    points.expectedVersion())).build());
            for (LedgerEntry entry : points.entries()) {
                actions.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                        .item(PointsItems.entryItem(key, entry))
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", Keys.PK)).build()).build());
            }
        });
        for (WalletEntry reward : claim.rewardsExpired()) {
            actions.add(TransactWriteItem.builder().update(expire(Keys.reward(key, reward.rewardId()))).build());
            reward.code().ifPresent(code -> actions.add(TransactWriteItem.builder().update(expire(Keys.coupon(code)))
                    .build()));
        }
        for (String code : claim.wonCodesExpired()) {
            actions.add(TransactWriteItem.builder().update(expire(Keys.coupon(code))).build());
        }
        int spendAction = -1;
        if (claim.spend().isPresent()) {
            SchedulerClaim.Spend spend = claim.spend().get();
            spendAction = actions.size();
            Update.Builder update = Update.builder().tableName(tableName).key(Keys.campaignSpend(spend.campaignId()))
                    .updateExpression("ADD #spent :fee");
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":fee", StoreItems.n(spend.micros())));
            if (spend.limitMicros().isPresent()) {
                update.conditionExpression("attribute_not_exists(#spent) OR #spent <= :room");
                values.put(":room", StoreItems.n(spend.limitMicros().get() - spend.micros()));
            }
            actions.add(TransactWriteItem.builder().update(update.expressionAttributeNames(Map.of("#spent", "spentMicros"))
                    .expressionAttributeValues(values).build()).build());
        }
        claim.reach().ifPresent(reach -> actions.add(TransactWriteItem.builder().update(Update.builder()
                .tableName(tableName).key(Keys.reach(reach.phoneNumberId()))
                .updateExpression("ADD #hour :delta")
                .expressionAttributeNames(Map.of("#hour", "h" + reach.hourEpochSecond()))
                .expressionAttributeValues(Map.of(":delta", StoreItems.n(reach.delta()))).build()).build()));
        try {
            meter.recordWrite(dynamo.transactWriteItems(b -> b.transactItems(actions)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity());
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons() == null ? List.of() : e.cancellationReasons();
            if (spendAction >= 0 && spendAction < reasons.size()
                    && CONDITIONAL_CHECK_FAILED.equals(reasons.get(spendAction).code())) {
                BudgetExhaustedException spent = new BudgetExhaustedException(
                        "money:" + claim.spend().get().campaignId());
                spent.initCause(e);
                throw spent;
            }
            if (reasons.stream().anyMatch(r -> CONDITIONAL_CHECK_FAILED.equals(r.code()))) {
                ConcurrentUpdateException concurrent = new ConcurrentUpdateException(key);
                concurrent.initCause(e);
                throw concurrent;
            }
            throw e;
        }
    }

    /** Marks a reward record EXPIRED while it is still waiting or issued (an order may have used it meanwhile). */
    private Update expire(Map<String, AttributeValue> key) {
        return Update.builder().tableName(tableName).key(key)
                .updateExpression("SET #status = :expired")
                .conditionExpression("attribute_exists(#pk) AND #status <> :used")
                .expressionAttributeNames(Map.of("#status", StoreItems.STATUS, "#pk", Keys.PK))
                .expressionAttributeValues(Map.of(":expired", StoreItems.s("EXPIRED"), ":used", StoreItems.s("USED")))
                .build();
    }

    /**
     * Records that Meta says the customer stopped marketing messages from the business (131050) on their schedule:
     * no marketing template from now on (utility reminders and messages inside the window still go). Written without
     * reading; the version is raised so a concurrent visit or game step reads again. A schedule that is gone (the
     * customer was erased) is not brought back.
     */
    public void stopMarketing(String customerKey, Instant at) {
        try {
            meter.recordWrite(dynamo.updateItem(b -> b.tableName(tableName).key(Keys.schedule(customerKey))
                    .updateExpression("SET #stopped = if_not_exists(#stopped, :at) ADD #version :one")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#stopped", ScheduleItems.MARKETING_STOPPED_AT,
                            "#version", ScheduleItems.VERSION, "#pk", Keys.PK))
                    .expressionAttributeValues(Map.of(":at", StoreItems.n(at.getEpochSecond()), ":one",
                            StoreItems.n(1)))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity());
        } catch (ConditionalCheckFailedException e) {
            meter.recordWrite((software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity) null);
        }
    }

    /** A proactive message as recorded when Meta accepted it. */
    public record SentReminder(String wamid, String customerKey, String reminderId, boolean template, Instant sentAt,
                               Optional<Integer> failedCode) {
    }

    /** How long a sent reminder is remembered: Meta reports a failure within days, retries webhooks up to 7. */
    public static final java.time.Duration SENT_KEPT = java.time.Duration.ofDays(30);


    /**
     * Records a proactive message Meta accepted, so a failed status reported later can be acted on: one transaction of
     * the record ({@code OUTBOUND#<wamid>}), its customer-side copy (how an erasure finds it) and a check that the
     * customer is not being erased (so the record cannot land after the erasure swept them). About 6 WRU on AWS.
     *
     * @return false when the customer is gone or being erased (nothing recorded)
     */
    public boolean recordSent(String wamid, String customerKey, String reminderId, boolean template, Instant sentAt) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.sentReminder(wamid));
        item.put(ScheduleItems.CUSTOMER, StoreItems.s(customerKey));
        item.put("reminderId", StoreItems.s(reminderId));
        item.put("channel", StoreItems.s(template ? "TEMPLATE" : "FREE_FORM"));
        item.put("sentAt", StoreItems.n(sentAt.getEpochSecond()));
        AttributeValue ttl = StoreItems.n(ItemKind.OUTBOUND.ttlFrom(sentAt));
        item.put(Keys.TTL, ttl);
        Map<String, AttributeValue> mine = new HashMap<>(Keys.customerOutbound(customerKey, wamid));
        mine.put("sentAt", StoreItems.n(sentAt.getEpochSecond()));
        mine.put(Keys.TTL, ttl);
        try {
            meter.recordWrite(dynamo.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                    .transactItems(TransactWriteItem.builder().conditionCheck(StoreItems.customerLive(tableName,
                                    customerKey)).build(),
                            TransactWriteItem.builder().put(p -> p.tableName(tableName).item(item)).build(),
                            TransactWriteItem.builder().put(p -> p.tableName(tableName).item(mine)).build()))
                    .consumedCapacity());
            return true;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons() == null ? List.of() : e.cancellationReasons();
            if (!reasons.isEmpty() && CONDITIONAL_CHECK_FAILED.equals(reasons.get(0).code())) {
                return false;
            }
            throw e;
        }
    }

    /** The proactive message Meta gave this wamid, if the scheduler sent it (replies are not recorded). */
    public Optional<SentReminder> sentReminder(String wamid) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(tableName).key(Keys.sentReminder(wamid))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(sentReminder(wamid, item));
    }

    /** BatchGetItem takes at most 100 keys per request. */
    static final int MAX_BATCH_GET_KEYS = 100;

    /**
     * The proactive messages among these wamids, by wamid: one consistent BatchGetItem per 100 (a webhook's failed
     * statuses at once), with the unprocessed keys asked again ({@link ConsistentBatchGet}). Duplicates are asked once.
     */
    public Map<String, SentReminder> sentReminders(java.util.Collection<String> wamids) {
        List<String> distinct = List.copyOf(new java.util.LinkedHashSet<>(wamids));
        Map<String, SentReminder> found = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += MAX_BATCH_GET_KEYS) {
            List<Map<String, AttributeValue>> keys = distinct.subList(from,
                    Math.min(distinct.size(), from + MAX_BATCH_GET_KEYS)).stream().map(Keys::sentReminder).toList();
            for (Map<String, AttributeValue> item : ConsistentBatchGet.items(dynamo, tableName, keys, meter)) {
                String wamid = item.get(Keys.PK).s().substring(Keys.OUTBOUND_PREFIX.length());
                found.put(wamid, sentReminder(wamid, item));
            }
        }
        return found;
    }

    private static SentReminder sentReminder(String wamid, Map<String, AttributeValue> item) {
        return new SentReminder(wamid, item.get(ScheduleItems.CUSTOMER).s(), item.get("reminderId").s(),
                "TEMPLATE".equals(item.get("channel").s()),
                Instant.ofEpochSecond(Long.parseLong(item.get("sentAt").n())),
                Optional.ofNullable(item.get("failedCode")).map(v -> Integer.parseInt(v.n())));
    }

    /** Marks the failure handled; false when it was already (Meta redelivers webhooks). */
    public boolean markFailed(String wamid, int code) {
        try {
            dynamo.updateItem(b -> b.tableName(tableName).key(Keys.sentReminder(wamid))
                    .updateExpression("SET #failed = :code")
                    .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#failed)")
                    .expressionAttributeNames(Map.of("#failed", "failedCode", "#pk", Keys.PK))
                    .expressionAttributeValues(Map.of(":code", StoreItems.n(code))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Stores a schedule changed outside a run (a late failure), version-checked.
     *
     * @throws ConcurrentUpdateException when the game or a run changed it since it was read
     */
    public void saveSchedule(String customerKey, Schedule schedule) {
        claim(new SchedulerClaim(customerKey, schedule, schedule.version(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty()));
    }

    /**
     * Moves a customer's index entry to {@code at} without reading the schedule (a visit that failed, perhaps on the
     * item itself); the version is raised so a game step that read the old one reads again.
     */
    public void postpone(String customerKey, Instant at) {
        try {
            meter.recordWrite(dynamo.updateItem(ScheduleItems.moveLook(tableName, customerKey, at, false))
                    .consumedCapacity());
        } catch (ConditionalCheckFailedException e) {
            // No schedule any more (the customer was erased): its index entry went with it.
        }
    }

    /**
     * Every customer key of the table, page by page (a Scan of the profiles: for the one-off backfill of schedules,
     * never on a message's or a run's path).
     */
    public java.util.stream.Stream<String> customerKeys() {
        return dynamo.scanPaginator(b -> b.tableName(tableName)
                        .filterExpression("#sk = :profile")
                        .projectionExpression("#customer")
                        .expressionAttributeNames(Map.of("#sk", Keys.SK, "#customer", ScheduleItems.CUSTOMER))
                        .expressionAttributeValues(Map.of(":profile", StoreItems.s(Keys.PROFILE))))
                .items().stream()
                .map(item -> item.get(ScheduleItems.CUSTOMER))
                .filter(v -> v != null && v.s() != null)
                .map(AttributeValue::s);
    }

    /** The oldest hour the next run must read from, if a run stored one. */
    public Optional<Instant> cursor() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(tableName).key(Keys.schedulerCursor())
                .consistentRead(true)).item();
        return item == null || item.isEmpty() || item.get("from") == null ? Optional.empty()
                : Optional.of(Instant.parse(item.get("from").s()));
    }

    public void saveCursor(Instant from) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.schedulerCursor());
        item.put("from", StoreItems.s(from.toString()));
        dynamo.putItem(b -> b.tableName(tableName).item(item));
    }

    /** The number's unique-customer counts by UTC hour (epoch second of the hour's start). */
    public Map<Long, Long> reach(String phoneNumberId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(tableName).key(Keys.reach(phoneNumberId))
                .consistentRead(true)).item();
        Map<Long, Long> byHour = new HashMap<>();
        if (item != null) {
            item.forEach((name, value) -> {
                if (name.startsWith("h") && value.n() != null) {
                    byHour.put(Long.parseLong(name.substring(1)), Long.parseLong(value.n()));
                }
            });
        }
        return byHour;
    }

    /** Drops hour counters older than {@code before} so the item stays small (25 numbers at most). */
    public void forgetReachBefore(String phoneNumberId, long beforeEpochSecond, Iterable<Long> hours) {
        List<String> old = new ArrayList<>();
        for (Long hour : hours) {
            if (hour < beforeEpochSecond) {
                old.add("h" + hour);
            }
        }
        if (old.isEmpty()) {
            return;
        }
        Map<String, String> names = new HashMap<>();
        List<String> removals = new ArrayList<>();
        for (int i = 0; i < old.size(); i++) {
            names.put("#h" + i, old.get(i));
            removals.add("#h" + i);
        }
        try {
            dynamo.updateItem(b -> b.tableName(tableName).key(Keys.reach(phoneNumberId))
                    .updateExpression("REMOVE " + String.join(", ", removals)).expressionAttributeNames(names));
        } catch (software.amazon.awssdk.services.dynamodb.model.DynamoDbException e) {
            // Housekeeping only: the old counters are outside the window and count for nothing; next run tries again.
        }
    }

    private Put versioned(Map<String, AttributeValue> item, String versionAttribute, long expected) {
        return StoreItems.versionedPut(tableName, item, versionAttribute, expected);
    }
}
