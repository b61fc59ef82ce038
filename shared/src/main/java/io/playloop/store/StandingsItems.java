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
 * one item instead of the shards.
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
        item.put(TOP, AttributeValue.fromL(board.top().stream().map(s -> StoreItems.s(s.sortKey())).toList()));
        item.put(MARKS, AttributeValue.fromL(board.marks().stream().map(m -> AttributeValue.fromM(Map.of(
                RANK, StoreItems.n(m.rank()), SCORE, StoreItems.s(m.score().sortKey())))).toList()));
        item.put(AT, StoreItems.s(at.toString()));
        item.put(Keys.TTL, StoreItems.n(at.plus(KEPT).getEpochSecond()));
        return item;
    }

    static Board board(String week, Map<String, AttributeValue> item) {
        List<Score> top = item.containsKey(TOP)
                ? item.get(TOP).l().stream().map(v -> Score.fromSortKey(v.s())).toList() : List.of();
        List<Board.Mark> marks = item.containsKey(MARKS) ? item.get(MARKS).l().stream().map(v -> new Board.Mark(
                Long.parseLong(v.m().get(RANK).n()), Score.fromSortKey(v.m().get(SCORE).s()))).toList() : List.of();
        return new Board(week, top, marks);
    }
}
