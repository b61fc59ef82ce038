package io.playloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.local.durable.JsonLinesJournal;
import io.playloop.local.graph.CustomerWindows;
import io.playloop.local.graph.Outbox;
import io.playloop.local.http.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the local cloud holds itself (outbox, windows, clock) comes back from its journals after a restart. */
class KeptAcrossRestartsTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theOutbox_comesBackInOrder_andNumbersOnFromWhereItStopped() {
        JsonNode reply = Json.parse("{\"to\":\"+33612345678\",\"text\":{\"body\":\"مرحبا\"}}"
                .getBytes(StandardCharsets.UTF_8));
        try (JsonLinesJournal journal = JsonLinesJournal.open(dir.resolve("outbox.jsonl"))) {
            Outbox outbox = Outbox.keptIn(journal);
            outbox.record(NOW, reply, "wamid.A");
            outbox.record(NOW.plusSeconds(1), reply, "wamid.B");
        }
        try (JsonLinesJournal journal = JsonLinesJournal.open(dir.resolve("outbox.jsonl"))) {
            Outbox outbox = Outbox.keptIn(journal);
            Outbox.Entry third = outbox.record(NOW.plusSeconds(2), reply, "wamid.C");

            assertThat(outbox.to("33612345678")).extracting(Outbox.Entry::wamid)
                    .containsExactly("wamid.A", "wamid.B", "wamid.C");
            assertThat(outbox.all().get(0).body()).isEqualTo(reply);
            assertThat(third.seq()).isEqualTo(3);
        }
    }

    @Test
    void aCustomersWindow_staysOpenAcrossARestart_andAnUndoneOneStaysClosed() {
        try (JsonLinesJournal journal = JsonLinesJournal.open(dir.resolve("windows.jsonl"))) {
            CustomerWindows windows = CustomerWindows.keptIn(true, journal);
            windows.customersWrote(List.of("33612345678"), NOW);
            Map<String, Instant> before = windows.customersWrote(List.of("447700900123"), NOW);
            windows.restore(before); // that webhook was refused
        }
        try (JsonLinesJournal journal = JsonLinesJournal.open(dir.resolve("windows.jsonl"))) {
            CustomerWindows windows = CustomerWindows.keptIn(true, journal);
            assertThat(windows.isOpen("+33 6 12 34 56 78", NOW.plus(Duration.ofHours(23)))).isTrue();
            assertThat(windows.isOpen("447700900123", NOW.plusSeconds(1))).isFalse();
        }
    }

    @Test
    void theClock_keepsItsOffset_andKeepsRunning() {
        Clock system = Clock.fixed(NOW, ZoneOffset.UTC);
        try (JsonLinesJournal journal = JsonLinesJournal.open(dir.resolve("clock.jsonl"))) {
            SimulatedClock clock = SimulatedClock.keptIn(system, journal);
            clock.advance(Duration.ofHours(72));
            clock.advance(Duration.ofHours(1));
        }
        Clock later = Clock.fixed(NOW.plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        try (JsonLinesJournal journal = JsonLinesJournal.open(dir.resolve("clock.jsonl"))) {
            SimulatedClock clock = SimulatedClock.keptIn(later, journal);
            assertThat(clock.offset()).isEqualTo(Duration.ofHours(73));
            assertThat(clock.instant()).isEqualTo(NOW.plus(Duration.ofHours(73)).plus(Duration.ofMinutes(10)));
        }
    }
}
