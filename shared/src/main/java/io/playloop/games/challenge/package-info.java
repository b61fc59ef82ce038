/**
 * Challenges: "do N actions in a window" ({@link io.playloop.games.challenge.ActionCounter}), daily streaks
 * that roll over at the customer's local midnight ({@link io.playloop.games.challenge.Streak}), and the
 * completion of any challenge kind, detected once per challenge and period
 * ({@link io.playloop.games.challenge.ChallengeRules}).
 *
 * <h2>Store shapes (proposed)</h2>
 * <ul>
 *   <li>{@code pk = CUSTOMER#<customer>, sk = CHALLENGE#<challenge id>}: the {@link io.playloop.games.challenge.ActionCount}
 *       (period key and count), overwritten as actions come in.</li>
 *   <li>{@code pk = CUSTOMER#<customer>, sk = STREAK}: the {@link io.playloop.games.challenge.Streak}.</li>
 *   <li>{@code pk = CUSTOMER#<customer>, sk = DONE#<challenge id>#<period>}: one per
 *       {@link io.playloop.games.challenge.Completion}, put with {@code attribute_not_exists(pk)} in the same
 *       transaction as the reward grant (ledger event id = {@link io.playloop.games.challenge.Completion#id()}),
 *       so a challenge pays once per period even if the same action is processed twice.</li>
 * </ul>
 */
package io.playloop.games.challenge;
