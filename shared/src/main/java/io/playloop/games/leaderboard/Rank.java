package io.playloop.games.leaderboard;

/** A customer's place on a weekly board, as "your rank" shows it. */
public sealed interface Rank {

    /** In the top: the exact place, 1 for first ("You're #3"). */
    record Exact(int place) implements Rank {
    }

    /** Outside the top: an estimate, never inside the top ("You're around #140"). */
    record About(long place) implements Rank {
    }

    /** No score this week yet ("Earn points to join this week's board"). */
    record Unranked() implements Rank {
    }
}
