package io.playloop.local.durable;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesJournalTest {
    @TempDir
    Path dir;

    @Test
    void whatWasAppended_isReadBackByTheNextRun_arabicIncluded() {
        Path file = dir.resolve("outbox.jsonl");
        try (JsonLinesJournal journal = JsonLinesJournal.open(file)) {
            journal.append(Map.of("n", 1, "text", "مرحبا"));
            journal.append(Map.of("n", 2, "text", "line\nbreak"));
        }
        try (JsonLinesJournal again = JsonLinesJournal.open(file)) {
            assertThat(again.recovered()).hasSize(2);
            assertThat(again.recovered().get(0).path("text").asText()).isEqualTo("مرحبا");
            assertThat(again.recovered().get(1).path("text").asText()).isEqualTo("line\nbreak");
        }
    }

    @Test
    void aLineCutShortByAKill_isDropped_andTheNextAppendIsReadableAgain() throws Exception {
        Path file = dir.resolve("windows.jsonl");
        try (JsonLinesJournal journal = JsonLinesJournal.open(file)) {
            journal.append(Map.of("n", 1));
        }
        Files.write(file, "{\"n\":2,\"cut".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        try (JsonLinesJournal afterKill = JsonLinesJournal.open(file)) {
            assertThat(afterKill.recovered()).hasSize(1);
            afterKill.append(Map.of("n", 3));
        }
        try (JsonLinesJournal again = JsonLinesJournal.open(file)) {
            assertThat(again.recovered()).extracting(n -> n.path("n").asInt()).containsExactly(1, 3);
        }
    }

    @Test
    void aRewrite_replacesTheJournalWithItsCompactForm() {
        Path file = dir.resolve("clock.jsonl");
        try (JsonLinesJournal journal = JsonLinesJournal.open(file)) {
            journal.append(Map.of("offset", "PT1H"));
            journal.append(Map.of("offset", "PT2H"));
            journal.rewrite(List.of(Map.of("offset", "PT2H")));
            journal.append(Map.of("offset", "PT3H"));
        }
        try (JsonLinesJournal again = JsonLinesJournal.open(file)) {
            assertThat(again.recovered()).extracting(n -> n.path("offset").asText()).containsExactly("PT2H", "PT3H");
        }
    }
}
