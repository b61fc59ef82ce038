/**
 * Badges: {@link io.playloop.games.badge.BadgeRules} finds the campaign's badges a customer has just earned
 * from what they have done ({@link io.playloop.games.badge.BadgeFacts}), leaving out those already held.
 *
 * <p>Store (proposed): one record per badge held, {@code pk = CUSTOMER#<customer>, sk = BADGE#<badge id>} with the
 * time awarded, put with {@code attribute_not_exists(pk)} in the step's transaction: a badge is awarded at
 * most once even when two evaluations race (the loser's transaction is cancelled and it retries from a fresh
 * snapshot, which now holds the badge). BADGES lists them with one Query on {@code begins_with(sk, "BADGE#")}.
 */
package io.playloop.games.badge;
