package io.playloop.games.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

// Property tier: a streak is the run of consecutive local days ending on the last day played.
class StreakProperties {
    @Property(tries = 300)
    void streakEqualsTheRunOfConsecutiveDays_whateverTheOrderWithinADay(
            @ForAll @Size(max = 40) List<@LongRange(min = 0, max = 60L * 24 * 3600) Long> offsets,
            @ForAll boolean riyadh) {
        ZoneId zone = ZoneId.of(riyadh ? "Asia/Riyadh" : "Europe/Paris");
        Instant start = Instant.parse("2026-03-01T00:00:00Z");   // spans the March DST change in Paris
        List<Instant> sorted = offsets.stream().sorted().map(start::plusSeconds).toList();
        Streak s = Streak.NONE;
        for (Instant i : sorted) {
            s = s.record(i, zone);
        }
        var days = sorted.stream().map(i -> i.atZone(zone).toLocalDate()).distinct().toList();
        int run = 0;
        int best = 0;
        for (int i = 0; i < days.size(); i++) {
            run = i > 0 && days.get(i - 1).plusDays(1).equals(days.get(i)) ? run + 1 : 1;
            best = Math.max(best, run);
        }
        assertThat(s.length()).isEqualTo(run);
        assertThat(s.best()).isEqualTo(best);
    }
}
