/**
 * Spin the wheel: a weighted {@link io.playloop.games.spin.Wheel}, and {@link io.playloop.games.spin.SpinRules}
 * that decide one spin (cooldown, draw, prize budgets) as a pure function. The store applies a decision
 * with one conditional update of the prize's budget counter ({@link io.playloop.games.spin.BudgetClaim})
 * and retries on conflict.
 */
package io.playloop.games.spin;
