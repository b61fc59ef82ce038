package io.playloop.engine;

import java.util.Locale;
import java.util.Optional;

/** What a customer's message asks for. Keywords per intent and language live in the catalogue. */
public enum Intent {
    POINTS, HELP, START, STOP, UNKNOWN;

    /** The reply-button id PlayLoop sends for this intent, e.g. {@code cmd:START}. */
    public String buttonId() {
        return BUTTON_PREFIX + name();
    }

    /** The catalogue's name for the intent, e.g. {@code points}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a button id PlayLoop sent; anything else (tampered, old, foreign) is empty. */
    public static Optional<Intent> fromButtonId(String id) {
        if (id == null || !id.startsWith(BUTTON_PREFIX)) {
            return Optional.empty();
        }
        String name = id.substring(BUTTON_PREFIX.length());
        for (Intent intent : values()) {
            if (intent != UNKNOWN && intent.name().equals(name)) {
                return Optional.of(intent);
            }
        }
        return Optional.empty();
    }

    static Optional<Intent> fromKey(String key) {
        for (Intent intent : values()) {
            if (intent != UNKNOWN && intent.key().equals(key)) {
                return Optional.of(intent);
            }
        }
        return Optional.empty();
    }

    private static final String BUTTON_PREFIX = "cmd:";
}
