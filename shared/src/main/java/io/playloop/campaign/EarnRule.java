package io.playloop.campaign;

import java.util.Objects;

/**
 * Points granted each time an event happens (a correct quiz answer, a streak day, an order), with an
 * optional cap.
 *
 * @param points points per event before the tier multiplier
 * @param cap    the most this rule grants per day/week
 */
public record EarnRule(long points, Cap cap) {
    public EarnRule {
        Objects.requireNonNull(cap, "cap");
    }
}
