package io.playloop.logging;

/** Masks personal identifiers before they reach a log line. */
public final class Masking {
    private static final int VISIBLE = 4;

    private Masking() {
    }

    /**
     * Masks a phone number, wa_id or BSUID, keeping only its last 4 characters:
     * {@code 16505551234} becomes {@code *******1234}. Null stays null; short values are fully masked.
     */
    public static String phone(String value) {
        if (value == null) {
            return null;
        }
        int n = value.length();
        if (n <= VISIBLE) {
            return "*".repeat(n);
        }
        boolean plus = value.startsWith("+");
        int hidden = n - VISIBLE - (plus ? 1 : 0);
        return (plus ? "+" : "") + "*".repeat(hidden) + value.substring(n - VISIBLE);
    }
}
