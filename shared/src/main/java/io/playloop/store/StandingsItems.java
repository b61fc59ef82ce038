package io.playloop.store;

import io.playloop.games.leaderboard.Board;
import io.playloop.games.leaderboard.Score;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The weekly standings item ({@code CAMPAIGN#<campaign>} / {@code TOP#<week>}): the board's top and the scores at
 * {@link Board#MARK_RANKS}, each as its {@code gsi1sk} ({@link Score#sortKey}), published by the scheduler so TOP reads
 * one item instead of the shards. The item names nobody: each customer key is replaced by a pseudonym (a short digest
 * and the key's last four characters, all TOP shows), matched back to the asking customer when read.
 */
public final class StandingsItems {
    /** How long a week's standings stay after their last publication. */
    public static final Duration KEPT = Duration.ofDays(14);
    static final String TOP = "top";
    static final String MARKS = "marks";
    static final String RANK = "rank";
    static final String SCORE = "score";
    static final String AT = "at";

    private StandingsItems() {
    }

    static Map<String, AttributeValue> item(String campaignId, Board board, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.standings(campaignId, board.week()));
        item.put(TOP, AttributeValue.fromL(board.top().stream().map(s -> StoreItems.s(pseudonymous(s).sortKey())).toList()));
        item.put(MARKS, AttributeValue.fromL(board.marks().stream().map(m -> AttributeValue.fromM(Map.of(
                RANK, StoreItems.n(m.rank()), SCORE, StoreItems.s(pseudonymous(m.score()).sortKey())))).toList()));
        item.put(AT, StoreItems.s(at.toString()));
        item.put(Keys.TTL, StoreItems.n(at.plus(KEPT).getEpochSecond()));
        return item;
    }

    /** The board as stored, the asking customer's own entries ({@code me}) under their key again. */
    static Board board(String week, Map<String, AttributeValue> item, java.util.Optional<Score> me) {
        java.util.Optional<String> mine = me.map(m -> pseudonym(m.customer()));
        java.util.function.Function<String, Score> read = sortKey -> {
            Score s = Score.fromSortKey(sortKey);
            return mine.isPresent() && mine.get().equals(s.customer())
                    ? new Score(me.get().customer(), s.points(), s.reachedAt()) : s;
        };
        List<Score> top = item.containsKey(TOP) ? item.get(TOP).l().stream().map(v -> read.apply(v.s())).toList()
                : List.of();
        List<Board.Mark> marks = item.containsKey(MARKS) ? item.get(MARKS).l().stream().map(v -> new Board.Mark(
                Long.parseLong(v.m().get(RANK).n()), read.apply(v.m().get(SCORE).s()))).toList() : List.of();
        return new Board(week, top, marks);
    }

    /** A customer key as the standings hold it: 8 characters of its digest, then its last four (what TOP shows). */
    static String pseudonym(String customerKey) {
        String tail = customerKey.length() <= 4 ? customerKey : customerKey.substring(customerKey.length() - 4);
        return StoreItems.lastInHint("standings:" + customerKey).substring(0, 8) + tail;
    }

    private static Score pseudonymous(Score score) {
        return new Score(pseudonym(score.customer()), score.points(), score.reachedAt());
    }
}
