package io.playloop.games.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

// Unit tier: a daily streak as the player sees it, with their own midnight.
class StreakTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    private static Streak play(ZoneId zone, String... instants) {
        Streak s = Streak.NONE;
        for (String i : instants) {
            s = s.record(Instant.parse(i), zone);
        }
        return s;
    }

    @Test
    void twoActionsTheSameDay_countOnce_andTheNextDayExtends() {
        Streak s = play(PARIS, "2026-11-23T08:00:00Z", "2026-11-23T20:00:00Z");
        assertThat(s.length()).isEqualTo(1);
        assertThat(s.record(Instant.parse("2026-11-24T08:00:00Z"), PARIS).length()).isEqualTo(2);
    }

    @Test
    void aMissedDay_resetsTheStreak_butKeepsTheBest() {
        Streak s = play(PARIS, "2026-11-20T08:00:00Z", "2026-11-21T08:00:00Z", "2026-11-22T08:00:00Z");
        assertThat(s.current(Instant.parse("2026-11-23T21:00:00Z"), PARIS)).as("alive until tonight").isEqualTo(3);
        assertThat(s.current(Instant.parse("2026-11-23T23:00:00Z"), PARIS)).as("00:00 in Paris on the 24th").isZero();

        Streak after = s.record(Instant.parse("2026-11-24T08:00:00Z"), PARIS);
        assertThat(after.length()).isEqualTo(1);
        assertThat(after.best()).isEqualTo(3);
    }

    @Test
    void riyadh_theDayRollsAtRiyadhMidnight_2100Utc() {
        // 20:59 UTC is 23:59 in Riyadh (UTC+3), 21:00 UTC is 00:00 the next day.
        Streak s = play(RIYADH, "2026-11-23T20:59:00Z", "2026-11-23T21:00:00Z");
        assertThat(s.length()).isEqualTo(2);
        assertThat(s.lastDay()).contains(LocalDate.of(2026, 11, 24));
        // The same two instants are one Paris day (21:59 and 22:00): one day counted.
        assertThat(play(PARIS, "2026-11-23T20:59:00Z", "2026-11-23T21:00:00Z").length()).isEqualTo(1);
    }

    @Test
    void paris_theShortDstNight_isStillOneDay() {
        // 29 March 2026: clocks go from 02:00 to 03:00. 23:30 on the 28th (UTC+1) then 00:30 on the 30th (UTC+2).
        Streak s = play(PARIS, "2026-03-28T22:30:00Z", "2026-03-29T10:00:00Z", "2026-03-29T22:30:00Z");
        assertThat(s.length()).isEqualTo(3);
        // 25 October 2026, 25-hour day: 00:30 local on the 25th and 23:30 local on the 25th are the same day.
        Streak autumn = play(PARIS, "2026-10-24T22:30:00Z", "2026-10-25T22:30:00Z");
        assertThat(autumn.length()).isEqualTo(1);
        assertThat(autumn.playedToday(Instant.parse("2026-10-25T22:59:00Z"), PARIS)).isTrue();
    }

    @Test
    void anOlderEventArrivingLate_changesNothing() {
        Streak s = play(PARIS, "2026-11-23T08:00:00Z", "2026-11-24T08:00:00Z");
        assertThat(s.record(Instant.parse("2026-11-22T08:00:00Z"), PARIS)).isEqualTo(s);
        assertThat(Streak.NONE.current(Instant.parse("2026-11-22T08:00:00Z"), PARIS)).isZero();
        assertThat(s.lastDay()).isEqualTo(Optional.of(LocalDate.of(2026, 11, 24)));
    }
}
