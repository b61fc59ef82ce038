package io.playloop.games.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BoardRankTest {
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    private static List<Score> ranked(int players) {
        List<Score> all = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            all.add(new Score("c" + i, 10_000 - i, T));
        }
        return all;
    }

    @Test
    void aCustomerInThePublishedTop_hasTheirExactPlace() {
        Board board = Board.of("2026-W50", ranked(300), 10);
        assertThat(Standings.rank(board, Optional.of(new Score("c3", 9_997, T)))).isEqualTo(new Rank.Exact(4));
    }

    @Test
    void aCustomerOutsideTheTop_isPlacedBetweenTheMarksAroundTheirPoints() {
        Board board = Board.of("2026-W50", ranked(300), 10);
        // 9_850 points: between the mark at rank 100 (9_901) and the one at 200 (9_801), about halfway.
        assertThat(Standings.rank(board, Optional.of(new Score("me", 9_850, T)))).isEqualTo(new Rank.About(151));
        // Below every mark: one past the deepest.
        assertThat(Standings.rank(board, Optional.of(new Score("me", 1, T)))).isEqualTo(new Rank.About(201));
        assertThat(board.marks()).extracting(Board.Mark::rank).containsExactly(10L, 20L, 50L, 100L, 200L);
    }

    @Test
    void aScoreTheStandingsDoNotKnowYet_isNeverShownInsideTheTop() {
        Board board = Board.of("2026-W50", ranked(5), 10);
        assertThat(Standings.rank(board, Optional.of(new Score("me", 1, T)))).isEqualTo(new Rank.About(6));
        assertThat(Standings.rank(board, Optional.empty())).isEqualTo(new Rank.Unranked());
    }
}
