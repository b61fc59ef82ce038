package io.playloop.campaign;

/**
 * Where a text ends up in a WhatsApp message, which fixes its length limit (Meta's limits, counted in
 * Unicode code points) and whether it may hold placeholders.
 */
public enum TextKind {
    /** A message body (text or interactive): at most 1024 characters before placeholders are filled. */
    BODY(1024, true),
    /** A reply-button title. */
    BUTTON(20, false),
    /** The label of the button that opens a list message. */
    LIST_BUTTON(20, false),
    /** The title of a list-message row. */
    ROW_TITLE(24, false),
    /** The description under a list-message row. */
    ROW_DESCRIPTION(72, false);

    private final int maxLength;
    private final boolean placeholders;

    TextKind(int maxLength, boolean placeholders) {
        this.maxLength = maxLength;
        this.placeholders = placeholders;
    }

    /** The longest text allowed, in code points. */
    public int maxLength() {
        return maxLength;
    }

    /** Whether {@code {{placeholders}}} are allowed (titles are not: their length must be known). */
    public boolean allowsPlaceholders() {
        return placeholders;
    }

    /** How a problem message names this kind, e.g. "a button title". */
    String describe() {
        return switch (this) {
            case BODY -> "a message body";
            case BUTTON -> "a button title";
            case LIST_BUTTON -> "a list button label";
            case ROW_TITLE -> "a list row title";
            case ROW_DESCRIPTION -> "a list row description";
        };
    }
}
