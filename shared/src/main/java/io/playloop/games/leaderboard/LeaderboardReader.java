package io.playloop.games.leaderboard;

import java.util.List;

/**
 * Reads a weekly leaderboard from the sparse {@code gsi1} index (see {@code io.playloop.store.LeaderboardItems} for the item
 * and {@code io.playloop.games.leaderboard} for the design). Only TOP asks for it: no other message reads
 * the index. Reads are eventually consistent (a GSI offers nothing else), so a score written a moment ago
 * may be missing from the top for a few hundred milliseconds; the rank of the customer asking is decided
 * from their own score, read consistently with their snapshot.
 */
public interface LeaderboardReader {
    /**
     * The week's top {@code n}, best first, merged from each shard's top {@code n} (one Query per shard).
     *
     * @param campaignId the campaign
     * @param week       the week key, e.g. {@code 2026-W48}
     * @param n          how many ranks (1 to 100)
     * @param shards     the number of write shards K the campaign's scores were written with
     */
    List<Score> top(String campaignId, String week, int n, int shards);

    /**
     * How many scores in {@code me}'s own shard sort before it (a COUNT Query on one shard): with
     * {@link Standings#rank} an estimate of the rank outside the top.
     */
    long aboveInShard(String campaignId, String week, Score me, int shards);

    /**
     * Checks the arguments every read takes, before anything is read: a campaign and a week, and a shard count
     * {@link Shards} accepts.
     *
     * @throws IllegalArgumentException naming the argument and what it was
     */
    static void requireBoard(String campaignId, String week, int shards) {
        if (campaignId == null || campaignId.isBlank()) {
            throw new IllegalArgumentException("campaignId: required, was " + (campaignId == null ? "null" : "blank"));
        }
        if (week == null || week.isBlank()) {
            throw new IllegalArgumentException("week: required (e.g. 2026-W48), was " + (week == null ? "null" : "blank"));
        }
        if (shards < 1 || shards > Shards.MAX) {
            throw new IllegalArgumentException("shards: must be 1 to " + Shards.MAX + ", was " + shards);
        }
    }

    /** A board nobody can read (tools and tests that never ask TOP): always empty. */
    LeaderboardReader NONE = new LeaderboardReader() {
        @Override
        public List<Score> top(String campaignId, String week, int n, int shards) {
            return List.of();
        }

        @Override
        public long aboveInShard(String campaignId, String week, Score me, int shards) {
            return 0;
        }
    };
}
