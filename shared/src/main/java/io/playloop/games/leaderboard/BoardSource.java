package io.playloop.games.leaderboard;

import java.util.Optional;

/**
 * Where the processor finds a weekly board before a TOP step (the engine reads none itself). Implemented over the
 * scheduler's standings item ({@code io.playloop.store.DynamoStandings}) or directly over the shards
 * ({@link #fromShards}).
 */
public interface BoardSource {
    /**
     * The board of {@code week}, its top cut to {@code n}.
     *
     * @param me the asking customer's own score this week, if any (a source that reads the shards counts the
     *           scores above it)
     */
    Board board(String campaignId, String week, int n, Optional<Score> me);

    /** A source with nobody on any board (tools and tests that never ask TOP). */
    BoardSource NONE = (campaignId, week, n, me) -> Board.empty(week);

    /**
     * Reads the shards themselves: the top from {@code shards} Queries and, for a customer outside it, one COUNT
     * Query on their own shard (see {@link Standings#rank(java.util.List, Optional, long, int)}).
     */
    static BoardSource fromShards(LeaderboardReader boards, int shards) {
        return (campaignId, week, n, me) -> {
            java.util.List<Score> top = boards.top(campaignId, week, n, shards);
            if (me.isEmpty() || top.stream().anyMatch(s -> s.customer().equals(me.get().customer()))) {
                return new Board(week, top, java.util.List.of());
            }
            long above = boards.aboveInShard(campaignId, week, me.get(), shards);
            // The estimate as a mark: the customer themselves at about above x shards + 1.
            return new Board(week, top, java.util.List.of(new Board.Mark(above * shards + 1, me.get())));
        };
    }
}
