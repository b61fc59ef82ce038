package io.playloop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.playloop.engine.Consent;
import io.playloop.engine.ConsentChange;
import io.playloop.engine.Customer;
import io.playloop.testing.LocalDynamo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Integration test: {@link DynamoGameStore} against DynamoDB Local, table created from template.yaml. */
class DynamoGameStoreIT {
    private static final Instant T0 = Instant.parse("2026-11-23T10:15:30.123456789Z");
    private static final String KEY = "33612345678";
    private static final String WAMID = "wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQzQTdGQjJBMEE1QjA0QjQ0QjM4RgA=";

    private LocalDynamo dynamo;
    private CapacityMeter meter;
    private DynamoGameStore store;

    @BeforeEach
    void createTable() {
        dynamo = LocalDynamo.create();
        meter = new CapacityMeter();
        store = new DynamoGameStore(dynamo.client(), dynamo.tableName(), meter);
    }

    @AfterEach
    void dropTable() {
        dynamo.close();
    }

    @Test
    void firstContact_isCommitted_andReadBackField_forField() {
        assertThat(store.load(KEY, WAMID, T0)).isEqualTo(new Snapshot(Optional.empty(), Optional.empty()));

        Customer lea = customer(KEY, "Léa", 0).withConsent(new Consent(true, T0, WAMID));
        InboundReceipt receipt = receipt(WAMID, KEY, "sqs-1", T0);
        store.commit(new Commit(receipt, lea, 0, Optional.empty()));

        Snapshot snapshot = store.load(KEY, WAMID, T0.plusSeconds(1));
        assertThat(snapshot.customer()).contains(versioned(lea, 1));
        assertThat(snapshot.receipt()).contains(receipt);
        assertThat(dynamo.item(Keys.receipt(KEY, WAMID)).get(Keys.TTL).n())
                .isEqualTo(Long.toString(receipt.expiresAt().getEpochSecond()));
    }

    @Test
    void theSameWamidAgain_isRefusedAsDuplicate_andChangesNothing() {
        Customer lea = customer(KEY, "Léa", 0);
        store.commit(new Commit(receipt(WAMID, KEY, "sqs-1", T0), lea, 0, Optional.empty()));
        List<Map<String, AttributeValue>> before = dynamo.items();

        Commit again = new Commit(receipt(WAMID, KEY, "sqs-2", T0.plusSeconds(60)),
                versioned(lea, 1).withPoints(50).withName("Someone else"), 1,
                Optional.of(new ConsentChange(false, T0.plusSeconds(60), WAMID, "keyword", "en")));

        assertThatThrownBy(() -> store.commit(again)).isInstanceOf(DuplicateInboundException.class)
                .hasMessageContaining(WAMID);
        assertThat(dynamo.items()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aStaleVersion_isRefusedAsConcurrentUpdate_andWritesNoReceipt() {
        Customer lea = customer(KEY, "Léa", 0);
        store.commit(new Commit(receipt(WAMID, KEY, "sqs-1", T0), lea, 0, Optional.empty()));

        Commit asIfNew = new Commit(receipt("wamid.SECOND", KEY, "sqs-2", T0), lea.withPoints(10), 0, Optional.empty());
        Commit staleVersion = new Commit(receipt("wamid.THIRD", KEY, "sqs-3", T0), lea.withPoints(10), 7,
                Optional.empty());

        assertThatThrownBy(() -> store.commit(asIfNew)).isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> store.commit(staleVersion)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(store.load(KEY, "wamid.SECOND", T0).receipt()).isEmpty();
        assertThat(store.load(KEY, "wamid.THIRD", T0).receipt()).isEmpty();
        assertThat(store.load(KEY, WAMID, T0).customer()).contains(versioned(lea, 1));
    }

    @Test
    void anExpiredReceipt_isAbsent_evenBeforeTtlDeletesIt_andTheWamidCanBeCommittedAgain() {
        Instant longAgo = T0.minus(Duration.ofDays(9));
        Customer lea = customer(KEY, "Léa", 0);
        store.commit(new Commit(receipt(WAMID, KEY, "sqs-old", longAgo), lea, 0, Optional.empty()));
        assertThat(dynamo.item(Keys.receipt(KEY, WAMID))).as("still stored: TTL deletion is lazy").isNotNull();

        Snapshot snapshot = store.load(KEY, WAMID, T0);
        assertThat(snapshot.receipt()).isEmpty();

        InboundReceipt fresh = receipt(WAMID, KEY, "sqs-new", T0);
        store.commit(new Commit(fresh, versioned(lea, 1).withPoints(5), 1, Optional.empty()));
        Snapshot after = store.load(KEY, WAMID, T0);
        assertThat(after.receipt()).contains(fresh);
        assertThat(after.customer().orElseThrow().version()).isEqualTo(2);
        assertThat(after.customer().orElseThrow().points()).isEqualTo(5);
    }

    @Test
    void aReceiptIsLiveUntilTheSecondItExpires() {
        InboundReceipt receipt = receipt(WAMID, KEY, "sqs-1", T0);
        store.commit(new Commit(receipt, customer(KEY, "Léa", 0), 0, Optional.empty()));

        assertThat(store.load(KEY, WAMID, receipt.expiresAt().minusSeconds(1)).receipt()).isPresent();
        assertThat(store.load(KEY, WAMID, receipt.expiresAt()).receipt()).isEmpty();
    }

    @Test
    void consentChanges_areKeptAsHistory_withTimeAndWamid_inTimeOrder() {
        Customer lea = customer(KEY, "Léa", 0);
        Instant stopAt = T0.plusSeconds(5);
        Instant startAt = T0.plus(Duration.ofDays(2));
        ConsentChange stop = new ConsentChange(false, stopAt, "wamid.STOP", "keyword", "fr");
        ConsentChange start = new ConsentChange(true, startAt, "wamid.START", "button", "ar");
        store.commit(new Commit(receipt("wamid.STOP", KEY, "sqs-1", stopAt),
                lea.withConsent(new Consent(false, stopAt, "wamid.STOP")), 0, Optional.of(stop)));
        store.commit(new Commit(receipt("wamid.START", KEY, "sqs-2", startAt),
                versioned(lea, 1).withConsent(new Consent(true, startAt, "wamid.START")), 1, Optional.of(start)));

        List<Map<String, AttributeValue>> history = dynamo.client().query(b -> b.tableName(dynamo.tableName())
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :consent)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.customerPartition(KEY)),
                        ":consent", AttributeValue.fromS(Keys.CONSENT_PREFIX)))
                .consistentRead(true)).items();

        assertThat(history).extracting(StoreItems::consentChange).containsExactly(stop, start);
        assertThat(history).extracting(i -> i.get(Keys.SK).s()).containsExactly(
                "CONSENT#2026-11-23T10:15:35.123Z#wamid.STOP", "CONSENT#2026-11-25T10:15:30.123Z#wamid.START");
        assertThat(store.load(KEY, "wamid.X", startAt).customer().orElseThrow().consent())
                .isEqualTo(new Consent(true, startAt, "wamid.START"));
    }

    @Test
    void arabicAndEmoji_comeBackByteForByte() {
        String name = "محمد العلي 🌟👍🏽";
        String replyJson = "{\"messaging_product\":\"whatsapp\",\"to\":\"+971501234567\",\"type\":\"text\","
                + "\"text\":{\"body\":\"مرحبا محمد! لديك 120 نقطة 🎉\\nاكتب مساعدة\"}}";
        Customer mohammed = customer("971501234567", name, 0).withLanguage("ar");
        InboundReceipt receipt = new InboundReceipt(WAMID, "971501234567", InboundReceipt.Status.REPLY_PENDING,
                replyJson, "sqs-1", T0, T0.plus(InboundReceipt.RETENTION));
        store.commit(new Commit(receipt, mohammed, 0, Optional.empty()));

        Snapshot snapshot = store.load("971501234567", WAMID, T0);
        assertThat(snapshot.customer().orElseThrow().name().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(name.getBytes(StandardCharsets.UTF_8));
        assertThat(snapshot.receipt().orElseThrow().replyJson().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(replyJson.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFieldThatBecomesAbsent_isRemoved_notLeftStaleOrEmpty() {
        Customer withName = customer(KEY, "Léa", 0);
        store.commit(new Commit(receipt("wamid.1", KEY, "sqs-1", T0), withName, 0, Optional.empty()));
        store.commit(new Commit(receipt("wamid.2", KEY, "sqs-2", T0), versioned(withName, 1).withName(null), 1,
                Optional.empty()));

        Map<String, AttributeValue> item = dynamo.item(Keys.customer(KEY));
        assertThat(item).doesNotContainKey("name");
        assertThat(store.load(KEY, "wamid.3", T0).customer().orElseThrow().name()).isNull();
    }

    @Test
    @DisplayName("once the reply is sent, the receipt keeps the wamid Meta gave it but no longer the reply's text")
    void theStoredReply_isGone_onceSent() {
        String reply = "{\"messaging_product\":\"whatsapp\",\"to\":\"+33612345678\",\"type\":\"text\","
                + "\"text\":{\"body\":\"Bonjour Léa, vous avez 120 points\"}}";
        store.commit(new Commit(new InboundReceipt(WAMID, KEY, InboundReceipt.Status.REPLY_PENDING, reply, "sqs-1", T0,
                T0.plus(InboundReceipt.RETENTION), "[{\"v\":1}]"), customer(KEY, "Léa", 0), 0, Optional.empty()));
        assertThat(dynamo.item(Keys.receipt(KEY, WAMID)).get("replyJson").s()).contains("Léa");

        store.markReplySent(KEY, WAMID, "wamid.SENT-1", T0.plusSeconds(1));

        Map<String, AttributeValue> item = dynamo.item(Keys.receipt(KEY, WAMID));
        assertThat(item.get("sentWamid").s()).isEqualTo("wamid.SENT-1");
        assertThat(item.get("repliedAt").s()).isEqualTo(T0.plusSeconds(1).toString());
        assertThat(item).doesNotContainKeys("replyJson", "jobs");
        assertThat(item.values()).noneMatch(v -> v.s() != null && v.s().contains("Léa"));
        assertThat(store.load(KEY, WAMID, T0).receipt().orElseThrow().status()).isEqualTo(InboundReceipt.Status.REPLIED);
    }

    @Test
    void aReplyThatWillNeverGo_isForgotten_andAMissingReceipt_isNotBroughtBack() {
        store.commit(new Commit(new InboundReceipt(WAMID, KEY, InboundReceipt.Status.REPLY_PENDING, "{\"to\":\"Léa\"}",
                "sqs-1", T0, T0.plus(InboundReceipt.RETENTION)), customer(KEY, "Léa", 0), 0, Optional.empty()));

        store.markReplyDropped(KEY, WAMID, false);
        store.markReplySent(KEY, "wamid.NEVER-SEEN", "wamid.SENT-2", T0);
        store.markJobsSent(KEY, "wamid.ERASED");

        assertThat(dynamo.item(Keys.receipt(KEY, WAMID))).doesNotContainKey("replyJson")
                .containsEntry("status", AttributeValue.fromS("NO_REPLY"));
        assertThat(dynamo.item(Keys.receipt(KEY, "wamid.NEVER-SEEN"))).isNull();
        assertThat(dynamo.item(Keys.receipt(KEY, "wamid.ERASED"))).isNull();
    }

    @Test
    void theReceipt_livesInTheCustomersPartition() {
        store.commit(new Commit(receipt(WAMID, KEY, "sqs-1", T0), customer(KEY, "Léa", 0), 0, Optional.empty()));

        assertThat(dynamo.items()).filteredOn(i -> "RECEIPT".equals(i.get(StoreItems.TYPE).s()))
                .singleElement().satisfies(i -> {
                    assertThat(i.get(Keys.PK).s()).isEqualTo("CUSTOMER#" + KEY);
                    assertThat(i.get(Keys.SK).s()).isEqualTo("INBOUND#" + WAMID);
                });
    }

    @Test
    void aBlankCustomerKeyOrWamid_isRefused_beforeAnythingIsRead() {
        assertThatThrownBy(() -> store.load("", WAMID, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.load(KEY, " ", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(meter.requests()).isZero();
    }

    @Test
    void aCommitWhoseReceiptBelongsToAnotherCustomer_isRefused_andWritesNothing() {
        Commit mixedUp = new Commit(receipt(WAMID, "44700900000", "sqs-1", T0), customer(KEY, "Léa", 0), 0,
                Optional.empty());

        assertThatThrownBy(() -> store.commit(mixedUp)).isInstanceOf(IllegalArgumentException.class);
        assertThat(dynamo.items()).isEmpty();
    }

    @Test
    @DisplayName("32 threads committing the same wamid at once: exactly one succeeds, state changes once")
    void concurrentDeliveriesOfOneWamid_exactlyOneWins() throws Exception {
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String owner = "sqs-" + i;
                results.add(pool.submit(() -> {
                    Commit commit = new Commit(receipt(WAMID, KEY, owner, T0), customer(KEY, "Léa", 0).withPoints(10),
                            0, Optional.of(new ConsentChange(true, T0, WAMID, "button", "en")));
                    ready.countDown();
                    go.await();
                    try {
                        store.commit(commit);
                        outcomes.merge("committed", 1, Integer::sum);
                        return owner;
                    } catch (DuplicateInboundException | ConcurrentUpdateException e) {
                        outcomes.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                        return null;
                    }
                }));
            }
            ready.await();
            go.countDown();
            List<String> winners = new ArrayList<>();
            for (Future<String> f : results) {
                String winner = f.get(60, TimeUnit.SECONDS);
                if (winner != null) {
                    winners.add(winner);
                }
            }
            System.out.println("32 concurrent commits of one wamid: " + outcomes);

            assertThat(winners).hasSize(1);
            assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(threads);
            Snapshot snapshot = store.load(KEY, WAMID, T0);
            assertThat(snapshot.receipt().orElseThrow().owner()).isEqualTo(winners.get(0));
            assertThat(snapshot.customer().orElseThrow().version()).isEqualTo(1);
            assertThat(dynamo.items().stream().map(i -> i.get(StoreItems.TYPE).s())
                    .collect(Collectors.groupingBy(t -> t, Collectors.counting())))
                    .isEqualTo(Map.of("CUSTOMER", 1L, "RECEIPT", 1L, "CONSENT", 1L));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void consumedCapacity_ofOneMessage_isRecorded() {
        CapacityMeter.Reading load = measure(() -> store.load(KEY, WAMID, T0));
        CapacityMeter.Reading commit = measure(() -> store.commit(new Commit(receipt(WAMID, KEY, "sqs-1", T0),
                customer(KEY, "Léa", 0), 0, Optional.empty())));
        CapacityMeter.Reading mark = measure(() -> store.markReplySent(KEY, WAMID, "wamid.SENT", T0));
        CapacityMeter.Reading secondLoad = measure(() -> store.load(KEY, "wamid.NEXT", T0));
        CapacityMeter.Reading stopCommit = measure(() -> store.commit(new Commit(receipt("wamid.NEXT", KEY, "sqs-2", T0),
                versioned(customer(KEY, "Léa", 0), 1).withConsent(new Consent(false, T0, "wamid.NEXT")), 1,
                Optional.of(new ConsentChange(false, T0, "wamid.NEXT", "keyword", "en")))));

        System.out.printf("consumed capacity (DynamoDB Local): load %s, commit %s, markReplySent %s;"
                + " returning customer: load %s, commit with consent event %s%n",
                load, commit, mark, secondLoad, stopCommit);
        // DynamoDB Local reports a total per call (no read/write split) and charges nothing for keys it does
        // not find, so the first load reads 0 here; AWS bills at least 1 RRU per consistent read.
        assertThat(List.of(load, commit, mark, secondLoad, stopCommit)).extracting(CapacityMeter.Reading::requests)
                .containsOnly(1L);
        assertThat(secondLoad.readUnits()).isPositive();
        assertThat(commit.writeUnits()).isPositive();
        assertThat(mark.writeUnits()).isPositive();
        assertThat(stopCommit.writeUnits()).isPositive();
        assertThat(List.of(load, secondLoad)).extracting(CapacityMeter.Reading::writeUnits).containsOnly(0.0);
        assertThat(List.of(commit, mark, stopCommit)).extracting(CapacityMeter.Reading::readUnits).containsOnly(0.0);
    }

    // --- fixtures ---------------------------------------------------------------------------------

    private CapacityMeter.Reading measure(Runnable call) {
        CapacityMeter.Reading before = meter.reading();
        call.run();
        return meter.reading().minus(before);
    }

    private static Customer customer(String key, String name, long version) {
        return new Customer(key, key, null, name, "fr", 0, Consent.NONE, T0, T0, version);
    }

    private static Customer versioned(Customer c, long version) {
        return new Customer(c.key(), c.waId(), c.bsuid(), c.name(), c.language(), c.points(), c.consent(),
                c.firstSeenAt(), c.lastInboundAt(), version);
    }

    private static InboundReceipt receipt(String wamid, String customerKey, String owner, Instant at) {
        return new InboundReceipt(wamid, customerKey, InboundReceipt.Status.REPLY_PENDING,
                "{\"messaging_product\":\"whatsapp\",\"type\":\"text\",\"text\":{\"body\":\"Bienvenue\"}}", owner, at,
                at.plus(InboundReceipt.RETENTION));
    }
}
