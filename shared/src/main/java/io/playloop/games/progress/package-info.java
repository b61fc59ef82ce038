/**
 * Progress in text: {@link io.playloop.games.progress.ProgressBar} renders {@code ▰▰▰▱▱ 60 %} and the
 * "N to go" figure for tiers and challenges, safe inside right-to-left messages.
 */
package io.playloop.games.progress;
