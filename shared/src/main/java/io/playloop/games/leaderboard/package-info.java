/**
 * Weekly leaderboards without a Scan and without a hot item.
 *
 * <h2>Store design (proposed)</h2>
 * Every customer who earns points in a week writes only their own score item (never a shared counter):
 * <pre>
 * pk     = CUSTOMER#&lt;customer&gt;
 * sk     = LB#&lt;campaign&gt;#&lt;week&gt;                 e.g. LB#summer#2026-W48
 * score  = points earned this week (N)
 * reachedAt = when the score took its current value (S, ISO instant)
 * gsi1pk = LB#&lt;campaign&gt;#&lt;week&gt;#&lt;shard&gt;         e.g. LB#summer#2026-W48#3
 * gsi1sk = &lt;19-digit inverted score&gt;#&lt;15-digit epoch millis&gt;#&lt;customer&gt;
 * ttl    = end of the week + retention
 * </pre>
 * {@link io.playloop.games.leaderboard.ScoreItem} builds the values. The item sits in the customer's own
 * partition, so it is read with the customer's snapshot and written in the step's transaction (its score
 * as condition), and the sparse {@code gsi1} copies only these items. {@code shard} is a stable hash of the
 * customer key mod K ({@link io.playloop.games.leaderboard.Shards}): index writes spread over K partition
 * keys, so no index partition takes every message (K of about peak messages per second / 500 keeps each
 * under DynamoDB's 1,000 writes per second per partition).
 *
 * <p>Reading the top 10: K Queries, {@code gsi1pk = LB#<campaign>#<week>#<s>}, ascending, Limit 10, then
 * {@link io.playloop.games.leaderboard.Standings#top} merges them. The inverted score sorts the highest
 * score first; among equal scores the earlier {@code reachedAt} first: ties go to who got there first.
 *
 * <p>"Your rank": exact when the customer is in the merged top; otherwise estimated from their place in
 * their own shard (one COUNT Query, {@code gsi1sk < mine}, on one shard) times K
 * ({@link io.playloop.games.leaderboard.Standings#rank}).
 */
package io.playloop.games.leaderboard;
