package io.playloop.engine;

/**
 * Wraps a value inserted into a text (a name, a reward, a tier) in first-strong isolates (U+2068 … U+2069), so that
 * a Latin name inside an Arabic sentence, or the reverse, keeps its own direction and does not reorder the text
 * around it. Used by every reply and by the scheduler's reminders.
 */
public final class BidiIsolate {
    private static final String START = "\u2068";
    private static final String END = "\u2069";

    private BidiIsolate() {
    }

    public static String of(String value) {
        return START + value + END;
    }
}
