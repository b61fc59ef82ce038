package io.playloop.campaign;

import io.playloop.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CampaignSourceTest {
    private static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    private static final Campaign DEMO = CampaignLoader.fromYaml(CampaignFiles.demoYaml(), "demo.yaml");
    private static final Campaign SUMMER = CampaignLoader.fromYaml(
            CampaignFiles.demoWith("id: demo\n", "id: summer\n"), "summer.yaml");

    private final FakeStore store = new FakeStore();
    private final TestClock clock = new TestClock(T0);
    private final CampaignSource source = new CampaignSource(store, clock, Duration.ofSeconds(60), () -> DEMO);

    @Test
    @DisplayName("with no active campaign in the table, the demo plays")
    void empty_table_plays_the_fallback() {
        ActiveCampaign active = source.current();
        assertThat(active.campaign().id()).isEqualTo("demo");
        assertThat(active.isBundledDemo()).isTrue();
    }

    @Test
    @DisplayName("the table is read at most once per time to live")
    void reads_are_cached_for_the_ttl() {
        store.put("summer", 1, SUMMER);
        store.activate("summer", 1);
        assertThat(source.campaign().id()).isEqualTo("summer");
        clock.advance(Duration.ofSeconds(59));
        source.campaign();
        source.campaign();
        assertThat(store.pointerReads).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        source.campaign();
        assertThat(store.pointerReads).isEqualTo(2);
    }

    @Test
    @DisplayName("a newly activated campaign plays once the cached one expires, not before")
    void activation_is_seen_after_the_ttl() {
        assertThat(source.campaign().id()).isEqualTo("demo");
        store.put("summer", 1, SUMMER);
        store.activate("summer", 1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(source.campaign().id()).isEqualTo("demo");
        clock.advance(Duration.ofSeconds(30));
        ActiveCampaign active = source.current();
        assertThat(active.campaign().id()).isEqualTo("summer");
        assertThat(active.pointer()).map(ActivePointer::version).contains(1);
    }

    @Test
    @DisplayName("an unchanged pointer costs one small read: the version's JSON is read and validated once")
    void unchanged_pointer_does_not_reread_the_version() {
        store.put("summer", 1, SUMMER);
        store.activate("summer", 1);
        for (int minute = 0; minute < 10; minute++) {
            assertThat(source.campaign().id()).isEqualTo("summer");
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(store.pointerReads).isEqualTo(10);
        assertThat(store.versionReads).isEqualTo(1);
        store.put("summer", 2, SUMMER);
        store.activate("summer", 2);
        source.campaign();
        assertThat(store.versionReads).isEqualTo(2);
        assertThat(source.current().pointer()).map(ActivePointer::version).contains(2);
    }

    @Test
    @DisplayName("if the table fails, the campaign in use keeps playing and the read is retried after the ttl")
    void table_errors_keep_the_campaign_in_use() {
        store.put("summer", 1, SUMMER);
        store.activate("summer", 1);
        source.campaign();
        clock.advance(Duration.ofSeconds(60));
        store.failing = true;
        assertThat(source.campaign().id()).isEqualTo("summer");
        assertThat(store.pointerReads).isEqualTo(2);
        source.campaign();
        assertThat(store.pointerReads).as("no retry storm within the ttl").isEqualTo(2);
        store.failing = false;
        clock.advance(Duration.ofSeconds(60));
        source.campaign();
        assertThat(store.pointerReads).isEqualTo(3);
    }

    @Test
    @DisplayName("with nothing in use, a table error propagates rather than playing a campaign nobody chose")
    void table_error_without_a_campaign_propagates() {
        store.failing = true;
        assertThatThrownBy(source::campaign).isInstanceOf(IllegalStateException.class).hasMessage("table down");
    }

    @Test
    @DisplayName("a pointer to a missing or unreadable version is an error, and the campaign in use stays")
    void broken_versions_are_not_played() {
        store.activate("summer", 7);
        assertThatThrownBy(source::campaign).isInstanceOf(IllegalStateException.class)
                .hasMessage("the active pointer names summer v7, which is not in the table");
        store.put("summer", 1, SUMMER);
        store.activate("summer", 1);
        assertThat(source.campaign().id()).isEqualTo("summer");
        store.json.put("summer#2", "{\"format\": \"playloop/campaign@1\", \"id\": \"summer\"}");
        store.activate("summer", 2);
        clock.advance(Duration.ofSeconds(60));
        assertThat(source.current().pointer()).map(ActivePointer::version).contains(1);
    }

    @Test
    @DisplayName("a time to live of zero reads the pointer on every call")
    void zero_ttl_reads_every_time() {
        CampaignSource uncached = new CampaignSource(store, clock, Duration.ZERO, () -> DEMO);
        uncached.campaign();
        uncached.campaign();
        assertThat(store.pointerReads).isEqualTo(2);
    }

    /** The table as the source sees it, counting reads. */
    private static final class FakeStore implements CampaignStore {
        final Map<String, String> json = new HashMap<>();
        ActivePointer pointer;
        boolean failing;
        int pointerReads;
        int versionReads;

        void put(String id, int version, Campaign campaign) {
            json.put(id + "#" + version, CampaignLoader.toJson(campaign));
        }

        void activate(String id, int version) {
            pointer = new ActivePointer(id, version, pointer == null ? 1 : pointer.revision() + 1, T0);
        }

        @Override
        public Optional<ActivePointer> activePointer() {
            pointerReads++;
            if (failing) {
                throw new IllegalStateException("table down");
            }
            return Optional.ofNullable(pointer);
        }

        @Override
        public Optional<String> versionJson(String campaignId, int version) {
            versionReads++;
            return Optional.ofNullable(json.get(campaignId + "#" + version));
        }
    }
}
