/**
 * Tiers: a {@link io.playloop.games.tier.TierLadder} over points <em>earned</em> (never the balance: spending
 * does not lower a tier), the customer's {@link io.playloop.games.tier.TierStanding} for "60 % to Gold, 40
 * points to go", and {@link io.playloop.games.tier.TierRules} that apply the campaign's downgrade policy and
 * detect a tier-up or a downgrade ({@link io.playloop.games.tier.TierChange}).
 *
 * <p>Store: the customer item keeps the tier id it holds ({@code tier}); the engine writes it with the change
 * and sends the tier-up message once, since a second evaluation finds the tier already held.
 */
package io.playloop.games.tier;
