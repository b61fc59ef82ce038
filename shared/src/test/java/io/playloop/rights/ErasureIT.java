package io.playloop.rights;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.campaign.DemoCampaign;
import io.playloop.rewards.RewardJob;
import io.playloop.rewards.RewardWorker;
import io.playloop.scheduling.RunSummary;
import io.playloop.store.ConcurrentUpdateException;
import io.playloop.store.CustomerErasingException;
import io.playloop.store.CustomerRecords;
import io.playloop.store.ItemKind;
import io.playloop.store.Keys;
import io.playloop.store.Snapshot;
import io.playloop.whatsapp.outbound.ButtonMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A customer's right to erasure, end to end over DynamoDB Local with the real game step, reward worker and
 * scheduler: after an erasure, a Scan of the whole table finds nothing naming the customer (their key, wa_id, phone
 * or name), the aggregates without them remain, and a later message from the same number starts a new customer.
 */
class ErasureIT {
    private static final String LEA = "33612345678";
    private static final String TOM = "447700900123";
    private static final String SAMI = "971501234567";

    private RightsWorld world;

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    @DisplayName("a rich conversation, then DELETE MY DATA: no item anywhere names her, aggregates stay, and she can start afresh")
    void afterErasure_noItemNamesTheCustomer_andALaterMessageStartsANewCustomer() {
        world = new RightsWorld(DemoCampaign.get());
        // Tom refers Léa; Léa refers Sami: a referral in both directions.
        world.says(TOM, "Tom", "hello");
        world.says(TOM, "Tom", "refer");
        String tomsCode = world.dynamo.item(Keys.progress(TOM)).get("refCode").s();
        world.says(LEA, "Léa Dupont", "Bonjour, mon code " + tomsCode);
        world.says(LEA, "Léa Dupont", "oui");
        world.answersRight(LEA, "Léa Dupont");
        world.answersRight(LEA, "Léa Dupont");
        assertThat(world.dynamo.item(Keys.referral(TOM, LEA)).get("state").s()).isEqualTo("QUALIFIED");
        world.says(LEA, "Léa Dupont", "parrainer");
        String leasCode = world.dynamo.item(Keys.progress(LEA)).get("refCode").s();
        world.says(SAMI, "سامي", "مرحبا " + leasCode);
        world.says(SAMI, "سامي", "نعم");
        world.answersRight(SAMI, "سامي");
        assertThat(world.dynamo.item(Keys.referral(LEA, SAMI)).get("state").s()).isEqualTo("QUALIFIED");
        // The scheduler tells Léa a friend joined (a proactive message and its record).
        RunSummary told = world.schedulerRuns();
        assertThat(told.sent()).isPositive();
        // A spin a day until the wheel gives a discount (and a 3-day streak on the way), an order and its refund, a
        // catalogue reward with its coupon.
        for (int day = 0; day < 3 || !wonADiscount(); day++) {
            assertThat(day).as("days spun").isLessThan(20);
            world.says(LEA, "Léa Dupont", "tourner");
            world.clock.advance(Duration.ofDays(1));
        }
        world.orders(LEA, "9001", "500");
        world.refunds(LEA, "9001", "20");
        assertThat(world.says(LEA, "Léa Dupont", "échanger 1")).contains("CAFE-");
        world.says(LEA, "Léa Dupont", "top");
        world.rewardFunctionRuns(); // CRM syncs: the contact exists in the CRMs before it is deleted

        JsonNode export = new CustomerExport(world.dynamo.client(), world.dynamo.tableName(), world.meter, world.clock)
                .export(LEA);
        Set<String> kinds = new TreeSet<>();
        export.path("items").forEach(item -> kinds.add(item.path("kind").asText()));
        assertThat(kinds).as("the export holds every kind she has").containsAll(List.of("PROFILE", "CONSENT",
                "RECEIPT", "POINTS", "LEDGER_ENTRY", "QUIZ", "SPIN", "PROGRESS", "BADGE", "COMPLETION", "REFERRAL",
                "REWARD", "WEEKLY_SCORE", "SCHEDULE", "ORDER", "SENT", "REFERRAL_CODE", "COUPON", "SHOP_ORDER",
                "OUTBOUND")).doesNotContain("UNKNOWN");
        assertThat(strings(world.everyString(), LEA)).as("before: her key is all over the table").isNotEmpty();

        String asked = world.says(LEA, "Léa Dupont", "SUPPRIMER MES DONNÉES");
        assertThat(asked).contains("irréversible");
        ButtonMessage question = (ButtonMessage) world.lastSent();
        assertThat(world.taps(LEA, question.buttons().get(0).id(), question.buttons().get(0).title()))
                .contains("en cours de suppression");
        assertThat(world.queued).extracting(RewardJob::kind).contains(RewardJob.Kind.ERASE);
        io.playloop.store.CapacityMeter.Reading before = world.meter.reading();
        assertThat(world.rewardFunctionRuns()).containsOnly(RewardWorker.Result.DONE);
        io.playloop.store.CapacityMeter.Reading spent = world.meter.reading().minus(before);
        System.out.printf("erasure of a rich customer: %d items exported before, %d DynamoDB requests, %.1f WRU and "
                + "%.1f RRU as DynamoDB Local reports them%n", export.path("items").size(), spent.requests(),
                spent.writeUnits(), spent.readUnits());

        List<String> everything = world.everyString();
        assertThat(strings(everything, LEA)).as("her key or phone number").isEmpty();
        assertThat(strings(everything, "Léa")).as("her name").isEmpty();
        assertThat(strings(everything, "Dupont")).as("her name").isEmpty();
        assertThat(world.dynamo.item(Keys.stock("demo", "coffee")).get("taken").n()).as("aggregates stay")
                .isEqualTo("1");
        assertThat(world.dynamo.item(Keys.progress(TOM)).get("refJoined").n()).isEqualTo("1");
        assertThat(world.dynamo.item(Keys.progress(SAMI))).doesNotContainKey("referredBy");
        assertThat(world.dynamo.item(Keys.customer(SAMI))).as("her friends are not erased").isNotNull();
        world.crm.verify(postRequestedFor(urlEqualTo("/crm/v3/objects/contacts/gdpr-delete"))
                .withRequestBody(equalToJson("{\"objectId\":\"" + LEA + "\",\"idProperty\":\"playloop_customer_key\"}")));
        world.crm.verify(deleteRequestedFor(urlPathEqualTo("/crm/v7/Contacts")));
        world.crm.verify(postRequestedFor(urlEqualTo("/hooks")).withRequestBody(containing("customer.erased")));

        String welcome = world.says(LEA, "Léa Dupont", "bonjour");
        assertThat(welcome).as("a new customer: welcomed, asked for consent again").contains("Café Lumière");
        Snapshot fresh = world.store.load(LEA, "wamid.none", world.clock.instant());
        assertThat(fresh.customer().orElseThrow().version()).isEqualTo(1);
        assertThat(fresh.customer().orElseThrow().consent().proactive()).isFalse();
        assertThat(fresh.points().account().balance(world.clock.instant())).isZero();
    }

    private boolean wonADiscount() {
        Map<String, AttributeValue> wheel = world.dynamo.item(Keys.spin(LEA));
        return wheel != null && wheel.get("rewards").l().stream().anyMatch(r -> r.l().size() > 4);
    }

    private static List<String> strings(List<String> all, String needle) {
        List<String> found = new ArrayList<>();
        for (String s : all) {
            if (s.contains(needle)) {
                found.add(s);
            }
        }
        return found;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en, 16505551234, DELETE MY DATA", "fr, 33612345678, supprimer mes données",
            "ar, 971501234567, احذف بياناتي"})
    @DisplayName("DELETE MY DATA: only the confirm tap erases, and the CRMs are told")
    void deleteMyData_confirmErases_andTellsTheCrms(String language, String waId, String keyword) {
        world = new RightsWorld(DemoCampaign.get());
        world.says(waId, "Sam", "hello");
        world.answersRight(waId, "Sam");
        world.rewardFunctionRuns();

        world.says(waId, "Sam", keyword);
        ButtonMessage question = (ButtonMessage) world.lastSent();
        assertThat(world.queued).isEmpty();
        world.taps(waId, question.buttons().get(0).id(), question.buttons().get(0).title());

        assertThat(world.queued).singleElement().satisfies(job -> {
            assertThat(job.kind()).isEqualTo(RewardJob.Kind.ERASE);
            assertThat(job.customerKey()).isEqualTo(waId);
        });
        assertThat(world.rewardFunctionRuns()).containsExactly(RewardWorker.Result.DONE);
        assertThat(new CustomerRecords(world.dynamo.client(), world.dynamo.tableName(), world.meter).partition(waId))
                .isEmpty();
        world.crm.verify(1, postRequestedFor(urlEqualTo("/crm/v3/objects/contacts/gdpr-delete")));
        world.crm.verify(1, deleteRequestedFor(urlPathEqualTo("/crm/v7/Contacts")));
        world.crm.verify(postRequestedFor(urlEqualTo("/hooks")).withRequestBody(containing("customer.erased")));
    }

    @Test
    @DisplayName("the cancel tap, a forged id or the typed title erase nothing and queue no erasure")
    void cancelOrForgery_erasesNothing() {
        world = new RightsWorld(DemoCampaign.get());
        world.says(LEA, "Léa", "bonjour");
        world.answersRight(LEA, "Léa");
        world.rewardFunctionRuns();
        int items = world.dynamo.items().size();

        world.says(LEA, "Léa", "supprimer mes données");
        ButtonMessage question = (ButtonMessage) world.lastSent();
        String confirm = question.buttons().get(0).id();
        world.taps(LEA, question.buttons().get(1).id(), question.buttons().get(1).title());
        world.taps(LEA, confirm.substring(0, confirm.lastIndexOf(':')) + ":AAAAAAAA", "Oui, supprimer");
        world.taps(LEA, RightsWorld.IDS.signPayload("33699999999", confirm.substring(0, confirm.lastIndexOf(':'))),
                "Oui, supprimer");
        world.says(LEA, "Léa", "🗑️ Oui, supprimer");

        assertThat(world.queued).extracting(RewardJob::kind).doesNotContain(RewardJob.Kind.ERASE);
        assertThat(world.dynamo.item(Keys.customer(LEA))).isNotNull();
        assertThat(world.dynamo.items().size()).isGreaterThan(items);
    }

    @Test
    void erasingTwice_isHarmless_andErasesNothingElse() {
        world = new RightsWorld(DemoCampaign.get());
        world.says(LEA, "Léa", "bonjour");
        world.says(TOM, "Tom", "hello");
        CustomerErasure erasure = new CustomerErasure(world.dynamo.client(), world.dynamo.tableName(), world.meter,
                world.clock);

        CustomerErasure.Result first = erasure.erase(LEA);
        CustomerErasure.Result second = erasure.erase(LEA);

        assertThat(first.found()).isTrue();
        assertThat(first.deleted()).containsKeys(ItemKind.PROFILE, ItemKind.RECEIPT, ItemKind.SCHEDULE);
        assertThat(second.found()).isFalse();
        assertThat(second.total()).isZero();
        assertThat(world.dynamo.item(Keys.customer(TOM))).isNotNull();
    }

    @Test
    @DisplayName("a step that read the customer before the erasure cannot commit; one that reads during it waits")
    void aStepInFlight_cannotResurrectHalfACustomer() {
        world = new RightsWorld(DemoCampaign.get());
        world.says(LEA, "Léa", "bonjour");
        Snapshot before = world.store.load(LEA, "wamid.in-flight", world.clock.instant());
        CustomerRecords records = new CustomerRecords(world.dynamo.client(), world.dynamo.tableName(), world.meter);

        records.tombstone(LEA, world.clock.instant());
        assertThatThrownBy(() -> world.store.load(LEA, "wamid.later", world.clock.instant()))
                .isInstanceOf(CustomerErasingException.class);
        io.playloop.engine.Customer lea = before.customer().orElseThrow();
        assertThatThrownBy(() -> world.store.commit(new io.playloop.store.Commit(new io.playloop.store.InboundReceipt(
                "wamid.in-flight", LEA, io.playloop.store.InboundReceipt.Status.NO_REPLY, null, "sqs-x",
                world.clock.instant(), world.clock.instant().plus(Duration.ofDays(8))), lea, lea.version(),
                java.util.Optional.empty()))).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(world.scheduler.run(Duration.ofSeconds(5)).failed()).isZero();

        new CustomerErasure(records, world.clock).erase(LEA);
        assertThat(records.partition(LEA)).isEmpty();
        assertThat(world.store.load(LEA, "wamid.in-flight", world.clock.instant()).customer()).isEmpty();
    }

    @Test
    @DisplayName("a customer silent for the campaign's retention is erased by the scheduler, via the reward function")
    void aCustomerSilentPastTheRetention_isErased() {
        world = new RightsWorld(DemoCampaign.get().withInactiveRetention(Duration.ofDays(30)));
        world.says(LEA, "Léa", "bonjour");
        world.says(TOM, "Tom", "hello");
        for (int day = 1; day <= 20; day++) { // the scheduler runs all along (here once a day)
            world.clock.advance(Duration.ofDays(1));
            assertThat(world.schedulerRuns().erasures()).isZero();
        }
        world.says(TOM, "Tom", "points");
        world.rewardFunctionRuns();

        world.clock.advance(Duration.ofDays(10).plusMinutes(30));
        RunSummary run = world.schedulerRuns();

        assertThat(run.erasures()).isEqualTo(1);
        assertThat(world.queued).singleElement().satisfies(job -> {
            assertThat(job.kind()).isEqualTo(RewardJob.Kind.ERASE);
            assertThat(job.customerKey()).isEqualTo(LEA);
        });
        world.rewardFunctionRuns();
        assertThat(world.dynamo.item(Keys.customer(LEA))).isNull();
        assertThat(world.dynamo.item(Keys.customer(TOM))).as("Tom wrote 10 days ago").isNotNull();
        assertThat(world.schedulerRuns().erasures()).isZero();
    }
}
