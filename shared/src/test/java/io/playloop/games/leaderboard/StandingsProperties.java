package io.playloop.games.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

// Property tier: merging the shards' tops gives the board everyone would see if it were one sorted list.
class StandingsProperties {
    @Property(tries = 500)
    void mergingShardTops_equalsSortingEveryone(
            @ForAll @Size(max = 200) List<@LongRange(max = 20) Long> points,
            @ForAll @Size(max = 200) List<@LongRange(max = 5) Long> seconds,
            @ForAll @IntRange(min = 1, max = 16) int shards,
            @ForAll @IntRange(min = 1, max = 12) int n) {
        List<Score> everyone = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            long at = i < seconds.size() ? seconds.get(i) : 0;   // few distinct values: many ties
            everyone.add(new Score("+3361234" + String.format("%04d", i), points.get(i), Instant.ofEpochSecond(1_790_000_000L + at)));
        }
        List<List<Score>> shardTops = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            int shard = s;
            // What one Query returns: the shard's items in gsi1sk order, Limit n.
            shardTops.add(everyone.stream().filter(e -> Shards.of(e.customer(), shards) == shard)
                    .sorted(Comparator.comparing(Score::sortKey)).limit(n).toList());
        }
        List<Score> expected = everyone.stream()
                .sorted(Comparator.comparingLong(Score::points).reversed()
                        .thenComparing(Score::reachedAt).thenComparing(Score::customer))
                .limit(n).toList();

        assertThat(Standings.top(shardTops, n)).containsExactlyElementsOf(expected);
    }
}
