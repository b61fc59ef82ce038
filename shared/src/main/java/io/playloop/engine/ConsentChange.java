package io.playloop.engine;

import java.time.Instant;

/**
 * A consent event to be kept in the customer's consent history (an audit trail, never overwritten).
 *
 * @param proactive the new state
 * @param at        when the customer sent the message that changed it
 * @param wamid     that message's id
 * @param source    how it was expressed: {@code keyword} (typed) or {@code button} (tapped)
 * @param language  the language the customer used
 */
public record ConsentChange(boolean proactive, Instant at, String wamid, String source, String language) {
    /** {@link #source()} of a consent the customer typed (START, OUI, اشتراك, STOP, ...). */
    public static final String KEYWORD = "keyword";
    /** {@link #source()} of a consent the customer gave by tapping a button or list row. */
    public static final String BUTTON = "button";
}
