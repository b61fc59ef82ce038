package io.playloop.engine;

import java.util.Set;

/**
 * The texts every language of the catalogue must define, with the placeholders each may use. A text
 * names a placeholder as {@code {{name}}}; the catalogue refuses unknown placeholders and texts that
 * leave out a required one (the welcome must name the business, the "didn't understand" must quote).
 */
public enum TextKey {
    /** Greeting on first contact when the customer's profile name is usable. */
    GREETING_NAMED("greeting_named", Set.of("name", "business"), Set.of("name", "business")),
    /** Greeting on first contact without a usable name (absent, blank, emoji only). */
    GREETING_ANONYMOUS("greeting_anonymous", Set.of("business"), Set.of("business")),
    /** What PlayLoop does and the commands, in the welcome. */
    WELCOME_COMMANDS("welcome_commands", Set.of("business"), Set.of()),
    /** The question asking for consent to proactive messages (answered by the START button). */
    WELCOME_CONSENT("welcome_consent", Set.of("business"), Set.of()),
    /** The answer to HELP. */
    HELP("help", Set.of("business"), Set.of()),
    /** The answer to POINTS; may have plural forms. */
    POINTS_BALANCE("points_balance", Set.of("points"), Set.of(), true),
    /** START accepted: confirms and says how to stop. */
    START_CONFIRMED("start_confirmed", Set.of("business"), Set.of()),
    /** START from a customer who already consented. */
    START_ALREADY("start_already", Set.of("business"), Set.of()),
    /** STOP accepted: confirms, names the business, says START opts back in. */
    STOP_CONFIRMED("stop_confirmed", Set.of("business"), Set.of("business")),
    /** Text that matched nothing: quotes it and points to HELP. */
    UNKNOWN("unknown", Set.of("quote"), Set.of("quote")),
    /** A message type we cannot read yet: points to HELP. */
    UNSUPPORTED("unsupported", Set.of(), Set.of());

    private final String key;
    private final Set<String> allowed;
    private final Set<String> required;
    private final boolean countable;

    TextKey(String key, Set<String> allowed, Set<String> required) {
        this(key, allowed, required, false);
    }

    TextKey(String key, Set<String> allowed, Set<String> required, boolean countable) {
        this.key = key;
        this.allowed = allowed;
        this.required = required;
        this.countable = countable;
    }

    /** The key under {@code texts} in the catalogue JSON. */
    public String key() {
        return key;
    }

    /** Placeholders this text may use. */
    public Set<String> allowedPlaceholders() {
        return allowed;
    }

    /** Placeholders this text must use (in every plural form). */
    public Set<String> requiredPlaceholders() {
        return required;
    }

    /** True when the text depends on a number and may come in plural forms. */
    public boolean countable() {
        return countable;
    }
}
