package io.playloop.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReachCounterTest {
    private static final Instant NOW = Instant.parse("2026-11-23T14:20:00Z");

    @Test
    void countsOnlyTheHoursOfTheMovingDayAndSaysWhenTheOldestLeaves() {
        long hourNow = ReachCounter.hourOf(NOW);
        ReachCounter counter = new ReachCounter(Map.of(hourNow - 25 * 3600, 100L, hourNow - 23 * 3600, 120L,
                hourNow, 129L), 250);

        assertThat(counter.reached(NOW)).isEqualTo(249);
        assertThat(counter.full(NOW)).isFalse();
        counter.add(NOW);
        assertThat(counter.full(NOW)).isTrue();
        assertThat(counter.freesAt(NOW)).isEqualTo(Instant.ofEpochSecond(hourNow - 23 * 3600)
                .plus(Duration.ofHours(25)));
    }
}
