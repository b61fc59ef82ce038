package io.playloop.games.tier;

import io.playloop.campaign.Tier;
import io.playloop.games.progress.ProgressBar;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a customer stands on the tier ladder: "▰▰▰▱▱ 60 % to Gold, 40 points to go". Progress runs from the
 * held tier's threshold to the next one's, so the bar starts empty right after a tier-up.
 *
 * @param current  the tier held, empty below the first
 * @param next     the next tier, empty at the top
 * @param progress points counted past the held tier's threshold
 * @param span     points between the held tier's threshold and the next one's (0 at the top)
 */
public record TierStanding(Optional<Tier> current, Optional<Tier> next, long progress, long span) {
    public TierStanding {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(next, "next");
    }

    /** Points still to earn for the next tier, 0 at the top. */
    public long pointsToGo() {
        return next.isEmpty() ? 0 : ProgressBar.toGo(progress, span);
    }

    /** The whole percentage toward the next tier, 100 at the top. */
    public int percent() {
        return next.isEmpty() ? 100 : ProgressBar.percent(progress, span);
    }

    /** The bar toward the next tier for a message in {@code language}; a full bar at the top. */
    public String bar(int width, String language) {
        return next.isEmpty() ? ProgressBar.renderFor(1, 1, width, language)
                : ProgressBar.renderFor(progress, span, width, language);
    }
}
