package io.playloop.store;

import io.playloop.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.playloop.campaign.ActivePointer;
import io.playloop.campaign.Campaign;
import io.playloop.campaign.CampaignFiles;
import io.playloop.campaign.CampaignListing;
import io.playloop.campaign.CampaignLoader;
import io.playloop.campaign.CampaignSource;
import io.playloop.campaign.DemoCampaign;
import io.playloop.campaign.PushResult;
import io.playloop.campaign.StoredVersion;
import io.playloop.campaign.TextKey;
import io.playloop.definitions.TemplateDefinitions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;

// Integration tier: campaigns in the single table, against DynamoDB Local in process.
class CampaignTableIT {
    private static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static DynamoDbClient dynamo;

    private final Campaign demo = CampaignLoader.fromYaml(CampaignFiles.demoYaml(), "demo.yaml");
    private final Campaign summer = CampaignLoader.fromYaml(CampaignFiles.demoWith("id: demo\n", "id: summer\n"),
            "summer.yaml");
    private final CapacityMeter meter = new CapacityMeter();
    private CampaignTable table;
    private String tableName;

    @BeforeAll
    static void startDynamo() {
        dynamo = DynamoDBEmbedded.create().dynamoDbClient();
    }

    @AfterAll
    static void stopDynamo() {
        dynamo.close();
    }

    @BeforeEach
    void createTable() {
        String name = "campaigns-" + TABLES.incrementAndGet();
        tableName = name;
        dynamo.createTable(TemplateDefinitions.bundled().createTableRequest(name));
        table = new CampaignTable(dynamo, name, meter);
    }

    @Test
    @DisplayName("pushes number versions per campaign; only --activate moves the pointer")
    void push_numbers_versions_and_activates_on_request() {
        PushResult first = table.push(demo, T0, false);
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.activated()).isFalse();
        assertThat(table.activePointer()).isEmpty();

        PushResult second = table.push(demo, T0.plusSeconds(60), true);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(table.activePointer()).hasValueSatisfying(p -> {
            assertThat(p.campaignId()).isEqualTo("demo");
            assertThat(p.version()).isEqualTo(2);
            assertThat(p.revision()).isEqualTo(1);
        });
        assertThat(table.push(summer, T0.plusSeconds(120), false).version()).as("versions count per campaign").isEqualTo(1);
    }

    @Test
    @DisplayName("the stored JSON reads back as the same campaign, Arabic byte for byte")
    void stored_json_round_trips() {
        table.push(demo, T0, true);
        String json = table.versionJson("demo", 1).orElseThrow();
        Campaign read = CampaignLoader.fromJson(json, "table");
        assertThat(read).isEqualTo(demo);
        assertThat(read.texts().template("ar", TextKey.TIER_EXPLAIN).getBytes(StandardCharsets.UTF_8))
                .isEqualTo(demo.texts().template("ar", TextKey.TIER_EXPLAIN).getBytes(StandardCharsets.UTF_8));
        assertThat(table.versionJson("demo", 2)).isEmpty();
    }

    @Test
    @DisplayName("list shows every campaign, its versions in order and, separately, the pointer")
    void list_shows_campaigns_and_versions() {
        table.push(demo, T0, false);
        table.push(summer, T0.plusSeconds(1), true);
        table.push(demo, T0.plusSeconds(2), false);
        List<CampaignListing> listings = table.list();
        assertThat(listings).extracting(CampaignListing::campaignId).containsExactly("demo", "summer");
        assertThat(listings.get(0).versions()).extracting(StoredVersion::version).containsExactly(1, 2);
        assertThat(listings.get(0).latestVersion()).isEqualTo(2);
        assertThat(listings.get(0).versions().get(1).pushedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(listings.get(0).versions().get(0).bytes()).isGreaterThan(10_000);
        assertThat(table.activePointer()).map(ActivePointer::campaignId).contains("summer");
    }

    @Test
    @DisplayName("activate moves the pointer to a stored version (a rollback) and refuses one that is not there")
    void activate_rolls_back_and_checks_existence() {
        table.push(demo, T0, true);
        table.push(demo, T0.plusSeconds(1), true);
        ActivePointer back = table.activate("demo", 1, T0.plusSeconds(2));
        assertThat(back.revision()).isEqualTo(3);
        assertThat(table.activePointer()).map(ActivePointer::version).contains(1);
        assertThatThrownBy(() -> table.activate("demo", 9, T0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("demo v9 is not in table");
        assertThat(table.activePointer()).map(ActivePointer::version).contains(1);
    }

    @Test
    @DisplayName("concurrent pushes never interleave: distinct versions, none lost, one pointer move each")
    void concurrent_pushes_get_distinct_versions() throws Exception {
        int pushes = 4;
        ExecutorService pool = Executors.newFixedThreadPool(pushes);
        try {
            List<Future<PushResult>> results = new ArrayList<>();
            for (int i = 0; i < pushes; i++) {
                results.add(pool.submit(() -> table.push(demo, T0, true)));
            }
            Set<Integer> versions = new TreeSet<>();
            for (Future<PushResult> result : results) {
                versions.add(result.get(60, TimeUnit.SECONDS).version());
            }
            assertThat(versions).containsExactly(1, 2, 3, 4);
        } finally {
            pool.shutdownNow();
        }
        assertThat(table.list().get(0).versions()).hasSize(pushes);
        assertThat(table.activePointer()).hasValueSatisfying(p -> assertThat(p.revision()).isEqualTo(pushes));
    }

    @Test
    @DisplayName("the game function's source plays the demo on an empty table, then what was activated")
    void source_over_the_table() {
        TestClock clock = new TestClock(T0);
        CampaignSource source = new CampaignSource(table, clock, Duration.ofSeconds(60), DemoCampaign::get);
        assertThat(source.current().isBundledDemo()).isTrue();
        table.push(summer, T0, true);
        clock.advance(Duration.ofSeconds(60));
        assertThat(source.campaign().id()).isEqualTo("summer");
    }

    @Test
    @DisplayName("read units: the pointer check is half a unit; the version item, read only on change, is larger")
    void read_units_of_a_refresh() {
        table.push(demo, T0, true);
        // DynamoDB Local reports the total (CapacityUnits), not the read/write split CapacityMeter adds up.
        double pointer = dynamo.getItem(b -> b.tableName(tableName).key(CampaignKeys.active())
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
        double version = dynamo.getItem(b -> b.tableName(tableName).key(CampaignKeys.version("demo", 1))
                .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity()
                .capacityUnits();
        long bytes = table.list().get(0).versions().get(0).bytes();
        System.out.printf("campaign reads: pointer %.1f RCU (eventually consistent), demo version item %.1f RCU"
                + " (strongly consistent, %d bytes of JSON)%n", pointer, version, bytes);
        assertThat(pointer).isEqualTo(0.5);
        // One unit per 4 KB of item: the JSON plus a few hundred bytes of keys and other attributes.
        assertThat(version).isBetween(Math.ceil(bytes / 4096.0), Math.ceil((bytes + 1024) / 4096.0));
    }
}
