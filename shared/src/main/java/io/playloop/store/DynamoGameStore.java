package io.playloop.store;

import io.playloop.engine.ConsentChange;
import io.playloop.engine.Customer;
import io.playloop.games.spin.BudgetClaim;
import io.playloop.ledger.LedgerEntry;
import io.playloop.engine.CodeHolder;
import io.playloop.engine.Outcome;
import io.playloop.engine.Progress;
import io.playloop.engine.Redemption;
import io.playloop.engine.Reward;
import io.playloop.engine.WalletEntry;
import io.playloop.games.referral.ReferralCode;
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
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@link GameStore} over the single DynamoDB table. Key shapes come from {@link Keys}, item layouts
 * from {@link StoreItems}. Every call asks for its consumed capacity and adds it to the
 * {@link CapacityMeter}. Thread-safe.
 *
 * <p>One inbound message costs one BatchGetItem ({@link #load}), one TransactWriteItems
 * ({@link #commit}) and, when a reply went out, one UpdateItem ({@link #markReplySent}).
 *
 * <p>No ClientRequestToken is derived from the wamid: the SDK already gives every transaction a random
 * token that it reuses on its own retries (so a retried call whose first attempt succeeded is not
 * applied twice), while a wamid-derived token would turn a legitimate second attempt with other
 * values (after a version conflict) into an IdempotentParameterMismatch for ten minutes. Duplicates
 * are stopped by the receipt's condition, not by the token.
 */
public final class DynamoGameStore implements GameStore {

    private static final int RECEIPT_ACTION = 0;
    private static final int CUSTOMER_ACTION = 1;
    private static final int CONSENT_ACTION = 2;
    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final CapacityMeter meter;

    public DynamoGameStore(DynamoDbClient dynamo, String tableName, CapacityMeter meter) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.meter = Objects.requireNonNull(meter, "meter");
    }

    /**
     * {@inheritDoc}
     *
     * <p>One consistent BatchGetItem of the profile, the points item and the receipt. A receipt whose {@code ttl} has
     * passed counts as absent even while DynamoDB has not deleted it yet (TTL deletion takes days).
     *
     * @throws IllegalStateException    when DynamoDB keeps leaving keys unprocessed (sustained throttling)
     * @throws CustomerErasingException when the customer is being erased: retry once the erasure is done
     */
    @Override
    public Snapshot load(String customerKey, String wamid, Optional<ReferralCode> code, Instant now) {
        Map<String, AttributeValue> customerKeyMap = Keys.customer(customerKey);
        Map<String, AttributeValue> receiptKeyMap = Keys.receipt(customerKey, wamid);
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(customerKeyMap, Keys.points(customerKey),
                Keys.quiz(customerKey), Keys.spin(customerKey), Keys.progress(customerKey), Keys.schedule(customerKey),
                receiptKeyMap));
        code.ifPresent(c -> keys.add(Keys.referralCode(c.value())));
        return snapshot(customerKey, code, java.util.Set.of(), ConsistentBatchGet.items(dynamo, tableName, keys, meter),
                now);
    }

    private static Snapshot snapshot(String customerKey, Optional<ReferralCode> code, java.util.Set<String> sliceKeys,
                                     List<Map<String, AttributeValue>> items, Instant now) {
        Map<String, io.playloop.mechanic.StoredSlice> slices = new HashMap<>();
        Optional<String> lastIn = Optional.empty();
        Optional<Customer> customer = Optional.empty();
        Optional<InboundReceipt> receipt = Optional.empty();
        PointsState points = PointsState.NONE;
        QuizState quiz = QuizState.NONE;
        SpinState spin = SpinState.NONE;
        ProgressState progress = ProgressState.NONE;
        Optional<CodeHolder> holder = Optional.empty();
        io.playloop.outreach.Schedule schedule = io.playloop.outreach.Schedule.NONE;
        for (Map<String, AttributeValue> item : items) {
            String sk = item.get(Keys.SK).s();
            if (Keys.SCHEDULE.equals(sk)) {
                schedule = ScheduleItems.schedule(item);
            } else if (Keys.PROGRESS.equals(sk)) {
                progress = ProgressItems.state(item);
            } else if (Keys.CODE.equals(sk) && code.isPresent() && item.get(ProgressItems.HOLDER) != null) {
                holder = Optional.of(new CodeHolder(code.get(), item.get(ProgressItems.HOLDER).s()));
            } else if (Keys.PROFILE.equals(sk)) {
                if (StoreItems.erasing(item)) {
                    throw new CustomerErasingException(customerKey);
                }
                customer = Optional.of(StoreItems.customer(item));
                lastIn = Optional.ofNullable(item.get(StoreItems.LAST_IN)).map(AttributeValue::s);
            } else if (Keys.SPIN.equals(sk)) {
                spin = SpinItems.state(item);
            } else if (Keys.QUIZ.equals(sk)) {
                quiz = QuizItems.state(item);
            } else if (Keys.POINTS.equals(sk)) {
                points = PointsItems.account(item);
            } else if (sk.startsWith(Keys.INBOUND_PREFIX) && !StoreItems.expired(item, now)) {
                receipt = Optional.of(StoreItems.receipt(item));
            } else if (sliceKeys.contains(sk) && item.get(Keys.PK).s().startsWith(Keys.CUSTOMER_PREFIX)) {
                slices.put(sk, StepItems.slice(item));
            }
        }
        return new Snapshot(customer, receipt, points, quiz, spin, progress, holder, schedule, lastIn, slices);
    }

    /**
     * {@inheritDoc}
     *
     * <p>One consistent BatchGetItem of 3 to 5 keys: PROFILE, POINTS, PROGRESS, and QUIZ, SPIN, the code's holder or
     * the routed mechanic's slice as planned. Neither the receipt (the transaction's condition on it is the guard; {@link #receipt} reads it when
     * the profile's hint says this is a redelivery of the last message) nor the schedule (see
     * {@code MessageProcessor}: a step that brings the next look earlier moves it after the commit).
     *
     * @throws CustomerErasingException when the customer is being erased: retry once the erasure is done
     */
    @Override
    public Snapshot load(String customerKey, String wamid, io.playloop.engine.ReadPlan plan, Instant now) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(Keys.customer(customerKey),
                Keys.points(customerKey), Keys.progress(customerKey)));
        if (plan.quiz()) {
            keys.add(Keys.quiz(customerKey));
        }
        if (plan.spin()) {
            keys.add(Keys.spin(customerKey));
        }
        plan.code().ifPresent(c -> keys.add(Keys.referralCode(c.value())));
        plan.slices().forEach(sk -> keys.add(Keys.mechanicItem(customerKey, sk))); // registered mechanics' slices
        Snapshot read = snapshot(customerKey, plan.code(), plan.slices(),
                ConsistentBatchGet.items(dynamo, tableName, keys, meter), now);
        return read;
    }

    /** {@inheritDoc} One consistent GetItem (1 RRU). */
    @Override
    public Optional<InboundReceipt> receipt(String customerKey, String wamid, Instant now) {
        var response = dynamo.getItem(b -> b.tableName(tableName).key(Keys.receipt(customerKey, wamid))
                .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.recordRead(response.consumedCapacity());
        return response.hasItem() && !response.item().isEmpty() && !StoreItems.expired(response.item(), now)
                ? Optional.of(StoreItems.receipt(response.item())) : Optional.empty();
    }

    /**
     * {@inheritDoc}
     *
     * <p>One TransactWriteItems: Put the receipt if no live one exists ({@code ttl} passed counts as
     * none), Update the profile if its version is still {@code expectedVersion} (absent when 0) and store
     * {@code expectedVersion + 1}, Put the consent event if it is new, and, when points change, Put the
     * points item if its version is still the one read and each new ledger entry if it is new (an
     * entry already there is a replay of its event: the message was applied before). "Now" for the receipt's condition
     * is the receipt's {@code processedAt}.
     *
     * @throws IllegalArgumentException    when the commit is inconsistent (receipt and customer of different keys)
     * @throws TransactionCanceledException for any other cancellation (throttling, validation): retry later
     */
    @Override
    public void commit(Commit commit) {
        InboundReceipt receipt = commit.receipt();
        Customer customer = commit.customer();
        if (!receipt.customerKey().equals(customer.key())) {
            throw new IllegalArgumentException("the receipt of " + receipt.wamid()
                    + " belongs to another customer than the state committed with it");
        }
        if (commit.expectedVersion() < 0) {
            throw new IllegalArgumentException("expectedVersion must be 0 (new customer) or the version read");
        }

        List<TransactWriteItem> actions = new ArrayList<>(3);
        actions.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(StepItems.withEvents(StoreItems.receiptItem(receipt), commit.step().events()))
                .conditionExpression("attribute_not_exists(#pk) OR #ttl <= :now")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#ttl", Keys.TTL))
                .expressionAttributeValues(Map.of(":now", StoreItems.n(receipt.processedAt().getEpochSecond())))
                .build()).build());
        actions.add(TransactWriteItem.builder().update(customerUpdate(customer, commit.expectedVersion(), receipt.wamid())).build());
        Optional<ConsentChange> consent = commit.consentChange();
        consent.ifPresent(change -> actions.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(StoreItems.consentItem(customer.key(), change))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK))
                .build()).build()));

        int quizAction = -1;
        if (commit.quiz().isPresent()) {
            QuizWrite quiz = commit.quiz().get();
            quizAction = actions.size();
            actions.add(TransactWriteItem.builder().put(versionedPut(
                    QuizItems.item(customer.key(), quiz.session(), quiz.expectedVersion() + 1),
                    QuizItems.VERSION, quiz.expectedVersion())).build());
        }
        int spinAction = -1;
        List<Integer> couponActions = new ArrayList<>();
        int budgetAction = -1;
        String claimedPrize = null;
        if (commit.spin().isPresent()) {
            SpinWrite spin = commit.spin().get();
            spinAction = actions.size();
            actions.add(TransactWriteItem.builder().put(versionedPut(
                    SpinItems.item(customer.key(), spin.history(), spin.expectedVersion() + 1),
                    SpinItems.VERSION, spin.expectedVersion())).build());
            // A discount won in this spin: its coupon code, recorded once (no two customers share one).
            for (Reward r : spin.history().rewards()) {
                if (r.spinId().equals(receipt.wamid()) && r.code().isPresent()) {
                    couponActions.add(actions.size());
                    actions.add(insert(SpinItems.couponRecord(customer.key(), r, spin.campaignId())));
                    // The customer's side of the code: the wheel forgets a prize once used or expired, this does not.
                    actions.add(insert(SpinItems.rewardRecord(customer.key(), r, spin.campaignId())));
                }
            }
            if (spin.claim().isPresent()) {
                budgetAction = actions.size();
                claimedPrize = spin.claim().get().prizeId();
                actions.add(TransactWriteItem.builder().update(budgetUpdate(spin.campaignId(), spin.claim().get()))
                        .build());
            }
        }
        int pointsAction = -1;
        if (commit.points().isPresent()) {
            PointsWrite points = commit.points().get();
            pointsAction = actions.size();
            long version = points.expectedVersion();
            actions.add(TransactWriteItem.builder().put(versionedPut(
                    PointsItems.accountItem(customer.key(), points.account(), version + 1), PointsItems.VERSION,
                    version)).build());
            for (LedgerEntry entry : points.entries()) {
                actions.add(TransactWriteItem.builder().put(Put.builder()
                        .tableName(tableName)
                        .item(PointsItems.entryItem(customer.key(), entry))
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", Keys.PK))
                        .build()).build());
            }
        }

        int scheduleAction = -1;
        if (commit.schedule().isPresent()) {
            io.playloop.outreach.Schedule schedule = commit.schedule().get();
            scheduleAction = actions.size();
            actions.add(TransactWriteItem.builder().put(versionedPut(
                    ScheduleItems.item(customer.key(), schedule, schedule.version() + 1), ScheduleItems.VERSION,
                    schedule.version())).build());
        }

        commit.order().ifPresent(order -> actions.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName).item(StoreItems.orderRecord(customer.key(), order, receipt.processedAt()))
                .build()).build()));

        int firstProgressAction = actions.size();
        ProgressActions progressActions = commit.progress().isPresent()
                ? addProgress(actions, customer.key(), receipt, commit.progress().get()) : ProgressActions.NONE;
        int codeAction = progressActions.codeClaim();
        StepItems.Actions stepActions = StepItems.add(actions, tableName, customer.key(), commit.step()); // SPI mechanics

        TransactWriteItemsResponse response;
        try {
            response = dynamo.transactWriteItems(b -> b.transactItems(actions)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        } catch (TransactionCanceledException e) {
            meter.recordWrite((List<ConsumedCapacity>) null);
            List<CancellationReason> reasons = e.cancellationReasons() == null ? List.of() : e.cancellationReasons();
            // Another delivery applied this message first: DynamoDB reports every condition that failed, so say
            // "duplicate" before a budget, stock or code that the first delivery's own write used up.
            if (failed(reasons, RECEIPT_ACTION, CONDITIONAL_CHECK_FAILED)) {
                throw translate(e, receipt.wamid(), customer.key(), -1, -1, -1, -1);
            }
            RuntimeException stepConflict = stepActions.translate(reasons, receipt.wamid(), customer.key(), e);
            if (stepConflict != null) {
                throw stepConflict;
            }
            if (scheduleAction >= 0 && failed(reasons, scheduleAction, CONDITIONAL_CHECK_FAILED)) {
                // The scheduler visited the customer meanwhile: re-read and decide again.
                ConcurrentUpdateException concurrent = new ConcurrentUpdateException(customer.key());
                concurrent.initCause(e);
                throw concurrent;
            }
            if (budgetAction >= 0 && failed(reasons, budgetAction, CONDITIONAL_CHECK_FAILED)) {
                BudgetExhaustedException exhausted = new BudgetExhaustedException(claimedPrize);
                exhausted.initCause(e);
                throw exhausted;
            }
            if (couponActions.stream().anyMatch(i -> failed(reasons, i, CONDITIONAL_CHECK_FAILED))) {
                // A won code that happens to be another's already: decide again (a new random code).
                ConcurrentUpdateException concurrent = new ConcurrentUpdateException(customer.key());
                concurrent.initCause(e);
                throw concurrent;
            }
            if (progressActions.stock() >= 0 && failed(reasons, progressActions.stock(), CONDITIONAL_CHECK_FAILED)) {
                BudgetExhaustedException soldOut = new BudgetExhaustedException("stock:"
                        + commit.progress().get().change().redemption().orElseThrow().entry().itemId());
                soldOut.initCause(e);
                throw soldOut;
            }
            if (codeAction >= 0 && failed(reasons, codeAction, CONDITIONAL_CHECK_FAILED)) {
                CodeTakenException taken = new CodeTakenException(commit.progress().get().change().codeClaim()
                        .orElseThrow().value());
                taken.initCause(e);
                throw taken;
            }
            if (commit.progress().isPresent()) {
                for (int i = firstProgressAction; i < reasons.size(); i++) {
                    if (failed(reasons, i, CONDITIONAL_CHECK_FAILED)) {
                        // A badge, completion or referral move another delivery or message made first: re-read.
                        ConcurrentUpdateException concurrent = new ConcurrentUpdateException(customer.key());
                        concurrent.initCause(e);
                        throw concurrent;
                    }
                }
            }
            throw translate(e, receipt.wamid(), customer.key(), consent.isPresent() ? CONSENT_ACTION : -1,
                    pointsAction, quizAction, spinAction);
        }
        meter.recordWrite(response.consumedCapacity());
    }

    /** {@inheritDoc} One conditional UpdateItem (1 WRU, and the index entry when it moves). */
    @Override
    public void lookSoon(String customerKey, Instant at) {
        try {
            meter.recordWrite(dynamo.updateItem(ScheduleItems.moveLook(tableName, customerKey, at, true))
                    .consumedCapacity());
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            // Already looked at sooner.
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(DynamoGameStore.class).warn(
                    "could not bring the schedule of {} forward; told at their next look",
                    io.playloop.logging.Masking.phone(customerKey), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>One UpdateItem that also REMOVEs the stored reply (it names the customer and is no longer needed) and the
     * jobs unless {@code keepJobs}. A receipt that is gone (the customer was erased meanwhile) stays gone.
     */
    @Override
    public void markReplySent(String customerKey, String wamid, String sentWamid, Instant at, boolean keepJobs) {
        if (sentWamid == null || sentWamid.isBlank()) {
            throw new IllegalArgumentException("the wamid the Graph API gave the reply is required");
        }
        Objects.requireNonNull(at, "at");
        Map<String, String> names = new HashMap<>(Map.of("#status", StoreItems.STATUS,
                "#sentWamid", StoreItems.SENT_WAMID, "#repliedAt", StoreItems.REPLIED_AT, "#pk", Keys.PK,
                "#reply", StoreItems.REPLY));
        if (!keepJobs) {
            names.put("#jobs", StoreItems.JOBS);
        }
        updateReceipt(customerKey, wamid, "SET #status = :replied, #sentWamid = :sentWamid, #repliedAt = :at REMOVE #reply"
                + (keepJobs ? "" : ", #jobs"), names, Map.of(":replied",
                StoreItems.s(InboundReceipt.Status.REPLIED.name()), ":sentWamid", StoreItems.s(sentWamid),
                ":at", StoreItems.s(at.toString())));
    }

    /** {@inheritDoc} One UpdateItem: NO_REPLY, the stored reply REMOVEd (a receipt that is gone stays gone). */
    @Override
    public void markReplyDropped(String customerKey, String wamid, boolean keepJobs) {
        Map<String, String> names = new HashMap<>(Map.of("#status", StoreItems.STATUS, "#reply", StoreItems.REPLY,
                "#pk", Keys.PK));
        if (!keepJobs) {
            names.put("#jobs", StoreItems.JOBS);
        }
        updateReceipt(customerKey, wamid, "SET #status = :none REMOVE #reply" + (keepJobs ? "" : ", #jobs"), names,
                Map.of(":none", StoreItems.s(InboundReceipt.Status.NO_REPLY.name())));
    }

    private void updateReceipt(String customerKey, String wamid, String expression, Map<String, String> names,
                               Map<String, AttributeValue> values) {
        try {
            UpdateItemResponse response = dynamo.updateItem(b -> {
                b.tableName(tableName).key(Keys.receipt(customerKey, wamid)).updateExpression(expression)
                        .conditionExpression("attribute_exists(#pk)").expressionAttributeNames(names)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
                if (!values.isEmpty()) {
                    b.expressionAttributeValues(values);
                }
            });
            meter.recordWrite(response.consumedCapacity());
        } catch (ConditionalCheckFailedException e) {
            // Erased between the commit and now (or expired and removed): nothing left to mark, and nothing to bring back.
            meter.recordWrite((ConsumedCapacity) null);
        }
    }

    /**
     * Adds the progress actions: the item (the customer's attributes under its version), each new badge and
     * completion record (insert only), the referral records on the referrer's side with their counters, the
     * weekly score item and the code claim.
     *
     * @return the indexes of the code claim's and the stock claim's actions (-1 for none)
     */
    private ProgressActions addProgress(List<TransactWriteItem> actions, String customerKey, InboundReceipt receipt,
                                        ProgressWrite write) {
        int[] stockAction = {-1};
        Outcome.ProgressOutcome change = write.change();
        actions.add(TransactWriteItem.builder().update(progressUpdate(customerKey, change.progress(),
                write.expectedVersion())).build());
        Instant at = receipt.processedAt();
        for (String badge : change.badges()) {
            actions.add(insert(ProgressItems.badgeRecord(customerKey, badge, at, receipt.wamid())));
        }
        for (String completion : change.completions()) {
            actions.add(insert(ProgressItems.completionRecord(customerKey, completion, at, receipt.wamid())));
        }
        change.attributed().ifPresent(referral -> {
            // The code must still be the referrer's: an erasure of the referrer deletes it before sweeping their
            // partition, so this step cannot write into a referrer being erased.
            actions.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(tableName)
                    .key(Keys.referralCode(referral.code().value()))
                    .conditionExpression("#holder = :referrer")
                    .expressionAttributeNames(Map.of("#holder", ProgressItems.HOLDER))
                    .expressionAttributeValues(Map.of(":referrer", StoreItems.s(referral.referrer())))).build());
            actions.add(insert(ProgressItems.referralRecord(referral)));
            actions.add(TransactWriteItem.builder().update(counterAdd(referral.referrer(), ProgressItems.ATTRIBUTED))
                    .build());
        });
        change.qualified().ifPresent(referral -> {
            actions.add(TransactWriteItem.builder().update(Update.builder().tableName(tableName)
                    .key(Keys.referral(referral.referrer(), referral.friend()))
                    .updateExpression("SET #state = :qualified, #qualifiedAt = :at")
                    .conditionExpression("#state = :pending")
                    .expressionAttributeNames(Map.of("#state", "state", "#qualifiedAt", "qualifiedAt"))
                    .expressionAttributeValues(Map.of(":qualified", StoreItems.s("QUALIFIED"),
                            ":pending", StoreItems.s("PENDING"),
                            ":at", StoreItems.n(referral.qualifiedAt().orElseThrow().toEpochMilli())))
                    .build()).build());
            actions.add(TransactWriteItem.builder().update(counterAdd(referral.referrer(), ProgressItems.JOINED))
                    .build());
        });
        if (change.redemption().isPresent()) {
            Redemption r = change.redemption().get();
            actions.add(insert(ProgressItems.rewardRecord(customerKey, r.entry(), r.campaignId())));
            r.entry().code().ifPresent(code -> actions.add(insert(ProgressItems.couponRecord(customerKey, r.entry(),
                    r.campaignId()))));
            if (r.stock().isPresent()) {
                actions.add(TransactWriteItem.builder().update(Update.builder().tableName(tableName)
                        .key(Keys.stock(r.campaignId(), r.entry().itemId()))
                        .updateExpression("ADD #taken :one")
                        .conditionExpression("attribute_not_exists(#taken) OR #taken < :stock")
                        .expressionAttributeNames(Map.of("#taken", "taken"))
                        .expressionAttributeValues(Map.of(":one", StoreItems.n(1),
                                ":stock", StoreItems.n(r.stock().getAsLong())))
                        .build()).build());
                stockAction[0] = actions.size() - 1;
            }
        }
        for (WalletEntry used : change.couponsUsed()) {
            // Idempotent (SET): the wallet's version already makes an order use a coupon once.
            used.code().ifPresent(code -> actions.add(TransactWriteItem.builder().update(Update.builder()
                    .tableName(tableName).key(Keys.coupon(code))
                    .updateExpression("SET #status = :used, #usedAt = :at")
                    .expressionAttributeNames(Map.of("#status", "status", "#usedAt", "usedAt"))
                    .expressionAttributeValues(Map.of(":used", StoreItems.s("USED"),
                            ":at", StoreItems.s(used.usedAt().orElseThrow().toString())))
                    .build()).build()));
        }
        change.score().ifPresent(score -> actions.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName).item(LeaderboardItems.item(score, write.zone())).build()).build()));
        if (change.codeClaim().isPresent()) {
            actions.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                    .item(ProgressItems.codeRecord(change.codeClaim().get(), customerKey))
                    .conditionExpression("attribute_not_exists(#pk) OR #holder = :me")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#holder", ProgressItems.HOLDER))
                    .expressionAttributeValues(Map.of(":me", StoreItems.s(customerKey)))
                    .build()).build());
            return new ProgressActions(actions.size() - 1, stockAction[0]);
        }
        return new ProgressActions(-1, stockAction[0]);
    }

    /** Where the progress actions whose refusal means something specific sit in the transaction. */
    private record ProgressActions(int codeClaim, int stock) {
        static final ProgressActions NONE = new ProgressActions(-1, -1);
    }

    /** SET the customer's own progress attributes (REMOVE the absent ones), under the version read. */
    private Update progressUpdate(String customerKey, Progress progress, long expectedVersion) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, AttributeValue> a : ProgressItems.ownAttributes(progress).entrySet()) {
            names.put("#p" + i, a.getKey());
            if (a.getValue() == null) {
                remove.add("#p" + i);
            } else {
                set.add("#p" + i + " = :p" + i);
                values.put(":p" + i, a.getValue());
            }
            i++;
        }
        names.put("#version", ProgressItems.VERSION);
        set.add("#version = :next");
        values.put(":next", StoreItems.n(expectedVersion + 1));
        String condition;
        if (expectedVersion == 0) {
            condition = "attribute_not_exists(#version)"; // friends' counters may have created the item
        } else {
            condition = "#version = :expected";
            values.put(":expected", StoreItems.n(expectedVersion));
        }
        return Update.builder().tableName(tableName).key(Keys.progress(customerKey))
                .updateExpression("SET " + String.join(", ", set)
                        + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove)))
                .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                .build();
    }

    /** ADD one to a referral counter on the referrer's progress item (created if absent). */
    private Update counterAdd(String referrerKey, String counter) {
        return Update.builder().tableName(tableName).key(Keys.progress(referrerKey))
                .updateExpression("ADD #counter :one")
                .expressionAttributeNames(Map.of("#counter", counter))
                .expressionAttributeValues(Map.of(":one", StoreItems.n(1))).build();
    }

    private TransactWriteItem insert(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK)).build()).build();
    }

    /** {@inheritDoc} One UpdateItem: REMOVE the receipt's jobs (they are on the rewards queue). */
    @Override
    public void markJobsSent(String customerKey, String wamid) {
        updateReceipt(customerKey, wamid, "REMOVE #jobs", Map.of("#jobs", StoreItems.JOBS, "#pk", Keys.PK), Map.of());
    }

    /**
     * The claim on a prize's budget counters ({@link BudgetClaim}): ADD one to the day's and the total
     * counter, only while each is below its limit.
     */
    private Update budgetUpdate(String campaignId, BudgetClaim claim) {
        Map<String, String> names = new HashMap<>(Map.of("#day", "d" + claim.day(), "#total", "total"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", StoreItems.n(1)));
        List<String> conditions = new ArrayList<>();
        if (claim.dayLimit().isPresent()) {
            conditions.add("(attribute_not_exists(#day) OR #day < :dayLimit)");
            values.put(":dayLimit", StoreItems.n(claim.dayLimit().getAsLong()));
        }
        if (claim.totalLimit().isPresent()) {
            conditions.add("(attribute_not_exists(#total) OR #total < :totalLimit)");
            values.put(":totalLimit", StoreItems.n(claim.totalLimit().getAsLong()));
        }
        Update.Builder update = Update.builder().tableName(tableName).key(Keys.spinBudget(campaignId, claim.prizeId()))
                .updateExpression("ADD #day :one, #total :one")
                .expressionAttributeNames(names).expressionAttributeValues(values);
        if (!conditions.isEmpty()) {
            update.conditionExpression(String.join(" AND ", conditions));
        }
        return update.build();
    }

    private Put versionedPut(Map<String, AttributeValue> item, String versionAttribute, long expected) {
        return StoreItems.versionedPut(tableName, item, versionAttribute, expected);
    }

    /** SET every profile attribute (REMOVE the absent ones), conditional on the version read. */
    private Update customerUpdate(Customer customer, long expectedVersion, String wamid) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>();
        // The hint of the message applied: its redelivery reads the receipt instead of running the step again.
        names.put("#lastIn", StoreItems.LAST_IN);
        values.put(":lastIn", StoreItems.s(StoreItems.lastInHint(wamid)));
        set.add("#lastIn = :lastIn");
        List<String> remove = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, AttributeValue> a : StoreItems.customerAttributes(customer, expectedVersion + 1).entrySet()) {
            String name = "#a" + i;
            names.put(name, a.getKey());
            if (a.getValue() == null) {
                remove.add(name);
            } else {
                set.add(name + " = :a" + i);
                values.put(":a" + i, a.getValue());
            }
            i++;
        }
        String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        String condition;
        if (expectedVersion == 0) {
            names.put("#pk", Keys.PK);
            condition = "attribute_not_exists(#pk)";
        } else {
            names.put("#version", StoreItems.VERSION);
            values.put(":expected", StoreItems.n(expectedVersion));
            condition = "#version = :expected";
        }
        return Update.builder()
                .tableName(tableName)
                .key(Keys.customer(customer.key()))
                .updateExpression(expression)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    /**
     * Maps the cancellation reasons (one per action, in order) to what the caller must do: a live
     * receipt (or this wamid's consent event already recorded) means another delivery applied the
     * message; a changed profile or a conflicting concurrent transaction means re-read and try again.
     */
    private static RuntimeException translate(TransactionCanceledException e, String wamid, String customerKey,
                                              int consentAction, int pointsAction, int quizAction,
                                              int spinAction) {
        List<CancellationReason> reasons = e.cancellationReasons() == null ? List.of() : e.cancellationReasons();
        boolean ledgerReplay = false;
        for (int i = pointsAction + 1; pointsAction >= 0 && i < reasons.size(); i++) {
            ledgerReplay |= failed(reasons, i, CONDITIONAL_CHECK_FAILED);
        }
        if (failed(reasons, RECEIPT_ACTION, CONDITIONAL_CHECK_FAILED)
                || consentAction >= 0 && failed(reasons, consentAction, CONDITIONAL_CHECK_FAILED)
                || ledgerReplay) {
            DuplicateInboundException duplicate = new DuplicateInboundException(wamid);
            duplicate.initCause(e);
            return duplicate;
        }
        if (failed(reasons, CUSTOMER_ACTION, CONDITIONAL_CHECK_FAILED)
                || pointsAction >= 0 && failed(reasons, pointsAction, CONDITIONAL_CHECK_FAILED)
                || quizAction >= 0 && failed(reasons, quizAction, CONDITIONAL_CHECK_FAILED)
                || spinAction >= 0 && failed(reasons, spinAction, CONDITIONAL_CHECK_FAILED)
                || reasons.stream().anyMatch(r -> TRANSACTION_CONFLICT.equals(r.code()))) {
            ConcurrentUpdateException concurrent = new ConcurrentUpdateException(customerKey);
            concurrent.initCause(e);
            return concurrent;
        }
        return e;
    }

    private static boolean failed(List<CancellationReason> reasons, int action, String code) {
        return reasons.size() > action && code.equals(reasons.get(action).code());
    }
}
