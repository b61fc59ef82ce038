package io.playloop.games.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

// Unit tier: which week a point counts in, who is first on a tie, and "your rank".
class LeaderboardTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    private static Score score(String who, long points, String at) {
        return new Score(who, points, Instant.parse(at));
    }

    @Test
    void theWeekFollowsTheCampaignZone_mondayMidnight() {
        Instant sundayLateParis = Instant.parse("2026-11-29T22:59:59Z");   // 23:59:59 Sunday in Paris
        assertThat(WeekKey.of(sundayLateParis, PARIS)).isEqualTo("2026-W48");
        assertThat(WeekKey.of(sundayLateParis.plusSeconds(1), PARIS)).isEqualTo("2026-W49");
        // The same instant is already 01:59 Monday in Riyadh.
        assertThat(WeekKey.of(sundayLateParis, RIYADH)).isEqualTo("2026-W49");
        assertThat(WeekKey.endOf(Instant.parse("2026-11-25T12:00:00Z"), PARIS)).isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
        assertThat(WeekKey.endOf(Instant.parse("2026-11-25T12:00:00Z"), RIYADH)).isEqualTo(Instant.parse("2026-11-29T21:00:00Z"));
    }

    @Test
    void aWeekAcrossTheAutumnDstChange_endsAtLocalMidnight() {
        // Week of 19 Oct 2026; clocks go back on Sunday 25 Oct, so Monday 26 00:00 Paris is 23:00 UTC (UTC+1).
        assertThat(WeekKey.endOf(Instant.parse("2026-10-20T10:00:00Z"), PARIS)).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
        assertThat(WeekKey.of(Instant.parse("2026-10-25T22:30:00Z"), PARIS)).isEqualTo("2026-W43");
    }

    @Test
    void onATie_whoeverReachedTheScoreFirst_ranksHigher() {
        Score amina = score("+966501234567", 120, "2026-11-24T09:00:00Z");
        Score leo = score("+33612345678", 120, "2026-11-24T08:59:59.999Z");
        Score zed = score("+20100000000", 300, "2026-11-25T10:00:00Z");
        assertThat(Standings.top(List.of(List.of(amina), List.of(leo, zed)), 10)).containsExactly(zed, leo, amina);
        assertThat(leo.sortKey()).isLessThan(amina.sortKey());
        assertThat(zed.sortKey()).isLessThan(leo.sortKey());
    }

    @Test
    void sortKey_readsBackTheSameScore() {
        Score s = score("+33612345678", 4_250, "2026-11-24T09:00:00.123Z");
        assertThat(s.sortKey()).isEqualTo("9223372036854771557#001795510800123#+33612345678");
        assertThat(Score.fromSortKey(s.sortKey())).isEqualTo(s);
    }

    @Test
    void scoreItem_addsThisWeeksPoints_andStartsOverOnMonday() {
        Instant tuesday = Instant.parse("2026-11-24T09:00:00Z");
        Optional<ScoreItem> first = ScoreItem.after(Optional.empty(), "summer", "+33612345678", 50, tuesday, PARIS, 8);
        ScoreItem item = first.orElseThrow();
        int shard = Shards.of("+33612345678", 8);
        assertThat(item.pk()).isEqualTo("CUSTOMER#+33612345678");
        assertThat(item.sk()).isEqualTo("LB#summer#2026-W48");
        assertThat(item.gsi1pk()).isEqualTo("LB#summer#2026-W48#" + shard);
        assertThat(item.gsi1sk()).isEqualTo(item.score().sortKey());

        ScoreItem more = ScoreItem.after(first, "summer", "+33612345678", 30, tuesday.plusSeconds(60), PARIS, 8).orElseThrow();
        assertThat(more.score().points()).isEqualTo(80);
        assertThat(more.score().reachedAt()).isEqualTo(tuesday.plusSeconds(60));
        // Nothing earned: the item, and its place among ties, stay as they are.
        assertThat(ScoreItem.after(Optional.of(more), "summer", "+33612345678", 0, tuesday.plusSeconds(99), PARIS, 8))
                .contains(more);

        ScoreItem nextWeek = ScoreItem.after(Optional.of(more), "summer", "+33612345678", 10,
                Instant.parse("2026-11-29T23:00:00Z"), PARIS, 8).orElseThrow();
        assertThat(nextWeek.week()).isEqualTo("2026-W49");
        assertThat(nextWeek.score().points()).isEqualTo(10);
    }

    @Test
    void shard_isStableAndInRange() {
        assertThat(Shards.of("+33612345678", 8)).isEqualTo(Shards.of("+33612345678", 8)).isBetween(0, 7);
        assertThat(Shards.of("+33612345678", 1)).isZero();
    }

    @Test
    void yourRank_exactInTheTop_estimatedOutside_andNoneWithoutAScore() {
        Score a = score("a", 300, "2026-11-24T09:00:00Z");
        Score b = score("b", 200, "2026-11-24T09:00:00Z");
        List<Score> top = List.of(a, b);
        assertThat(Standings.rank(top, Optional.of(b), 0, 4)).isEqualTo(new Rank.Exact(2));
        // The index still shows b's previous score: b is still found by key.
        assertThat(Standings.rank(top, Optional.of(score("b", 250, "2026-11-24T10:00:00Z")), 0, 4))
                .isEqualTo(new Rank.Exact(2));
        Score me = score("me", 10, "2026-11-24T09:00:00Z");
        assertThat(Standings.rank(top, Optional.of(me), 25, 4)).isEqualTo(new Rank.About(101));
        assertThat(Standings.rank(top, Optional.of(me), 0, 4)).as("never inside the top").isEqualTo(new Rank.About(3));
        assertThat(Standings.rank(top, Optional.empty(), 0, 4)).isEqualTo(new Rank.Unranked());
    }
}
