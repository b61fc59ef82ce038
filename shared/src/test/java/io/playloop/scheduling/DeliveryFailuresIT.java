package io.playloop.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.store.CapacityMeter;
import io.playloop.store.DynamoSchedulerStore;
import io.playloop.store.Keys;
import io.playloop.testing.LocalDynamo;
import io.playloop.testing.TestClock;
import io.playloop.whatsapp.webhook.DeliveryFailure;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

// Integration tier: a webhook's failed statuses against DynamoDB Local, counted request by request.
class DeliveryFailuresIT {
    private final LocalDynamo dynamo = LocalDynamo.create();
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final DynamoDbClient counted = counting(dynamo.client());
    private final DeliveryFailures failures = new DeliveryFailures(
            new DynamoSchedulerStore(counted, dynamo.tableName(), new CapacityMeter()), clock);

    @AfterEach
    void close() {
        dynamo.close();
    }

    private DynamoDbClient counting(DynamoDbClient real) {
        return (DynamoDbClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DynamoDbClient.class},
                (proxy, method, args) -> {
                    calls.computeIfAbsent(method.getName(), m -> new AtomicInteger()).incrementAndGet();
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private int calls(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    /** 1,000 failed statuses: every 100th names a reminder the scheduler sent, the others replies. */
    private List<DeliveryFailure> thousandFailures() {
        DynamoSchedulerStore store = new DynamoSchedulerStore(dynamo.client(), dynamo.tableName(), new CapacityMeter());
        List<DeliveryFailure> all = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String wamid = "wamid.OUT" + i;
            if (i % 100 == 0) {
                String customer = "3360000" + String.format("%04d", i);
                putProfile(customer); // a send is recorded only for a customer who exists and is not being erased
                assertThat(store.recordSent(wamid, customer, "nudge", true, clock.instant())).isTrue();
            }
            all.add(new DeliveryFailure(wamid, null, 131049, clock.instant()));
        }
        return all;
    }

    private void putProfile(String customerKey) {
        Map<String, AttributeValue> item =
                new HashMap<>(Keys.customer(customerKey));
        item.put("customerKey", AttributeValue.fromS(customerKey));
        item.put("language", AttributeValue.fromS("fr"));
        item.put("points", AttributeValue.fromN("0"));
        item.put("version", AttributeValue.fromN("1"));
        item.put("consent", AttributeValue.fromM(Map.of(
                "proactive", AttributeValue.fromBool(true))));
        dynamo.client().putItem(b -> b.tableName(dynamo.tableName()).item(item));
    }

    @Test
    void aThousandFailedStatuses_areLookedUpTenBatchGetsAtATime_andOnlyTheRemindersAmongThemApplied() {
        List<DeliveryFailure> all = thousandFailures();

        DeliveryFailures.Summary first = failures.applyAll(all, () -> true);

        // 10 lookups of 100 keys, then each of the 10 reminders reads its customer once (the scheduler's load).
        assertThat(calls("batchGetItem")).isEqualTo(10 + 10);
        assertThat(calls("getItem")).isZero();
        assertThat(first.results()).containsEntry(DeliveryFailures.Result.NOT_A_REMINDER, 990);
        assertThat(first.results().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1_000);
        assertThat(first.deferred()).isZero();

        calls.clear();
        DeliveryFailures.Summary redelivered = failures.applyAll(all, () -> true);

        assertThat(redelivered.results()).containsEntry(DeliveryFailures.Result.ALREADY_APPLIED, 10);
        assertThat(calls("batchGetItem")).isEqualTo(10);
        assertThat(calls("updateItem") + calls("transactWriteItems")).isZero();
    }

    @Test
    void whenTheTimeBudgetRunsOut_theRemindersLeftAreDeferred_andTheNextDeliveryAppliesThem() {
        List<DeliveryFailure> all = thousandFailures();
        AtomicInteger budget = new AtomicInteger(3);

        DeliveryFailures.Summary first = failures.applyAll(all, () -> budget.getAndDecrement() > 0);
        DeliveryFailures.Summary next = failures.applyAll(all, () -> true);

        assertThat(first.deferred()).isEqualTo(7);
        assertThat(next.deferred()).isZero();
        assertThat(next.results()).containsEntry(DeliveryFailures.Result.ALREADY_APPLIED, 3);
        assertThat(next.results().get(DeliveryFailures.Result.NOT_A_REMINDER)).isEqualTo(990);
    }

    @Test
    void theSameStatusTwiceInOneWebhook_isAskedOnce() {
        List<DeliveryFailure> twice = new ArrayList<>(thousandFailures().subList(0, 1));
        twice.add(twice.get(0));

        DeliveryFailures.Summary summary = failures.applyAll(twice, () -> true);

        assertThat(calls("batchGetItem")).isEqualTo(1 + 1); // one lookup, one load of the customer
        assertThat(summary.results()).containsEntry(DeliveryFailures.Result.ALREADY_APPLIED, 1);
    }
}
