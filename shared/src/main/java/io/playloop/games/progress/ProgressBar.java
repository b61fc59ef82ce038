package io.playloop.games.progress;

import java.math.BigInteger;

/**
 * A progress bar in text, for chat messages: {@code ▰▰▰▱▱ 60 %}.
 *
 * <h2>Rounding</h2>
 * Both the cells and the percentage round down, and {@code current} is clamped to 0..target: the bar is
 * full and says 100 % only once the target is reached, never at 99.6 %, and never goes past 100 %.
 *
 * <h2>Right-to-left text</h2>
 * The bar's characters (▰ ▱, spaces, %) have no direction of their own: inside a message they take the
 * direction of their neighbours, so an Arabic name before an English "60 % to Gold" turns the bar
 * around, and a number next to it can swap places with the percentage. So a bar that goes into a message
 * is always wrapped in a directional isolate ({@link #renderFor}):
 * <ul>
 *   <li>en, fr: LEFT-TO-RIGHT ISOLATE U+2066 … POP DIRECTIONAL ISOLATE U+2069. It fills from the left
 *       whatever surrounds it.</li>
 *   <li>ar: RIGHT-TO-LEFT ISOLATE U+2067 … U+2069. It fills from the right, as progress bars do in
 *       right-to-left interfaces, and the figure reads "60 %" with the sign on its left, as in Arabic
 *       typography; the digits stay Western, like every number in the catalogue.</li>
 * </ul>
 * Isolates are invisible (default-ignorable) on clients that do not interpret them. The percentage is
 * separated from its number by a NO-BREAK SPACE U+00A0, so a narrow screen never wraps the sign alone.
 */
public final class ProgressBar {
    /** A filled cell. */
    public static final char FILLED = '\u25B0';
    /** An empty cell. */
    public static final char EMPTY = '\u25B1';
    /** The widest bar: beyond this a phone wraps it. */
    public static final int MAX_WIDTH = 20;

    static final char LRI = '\u2066';
    static final char RLI = '\u2067';
    static final char PDI = '\u2069';
    private static final char NO_BREAK_SPACE = '\u00A0';

    private ProgressBar() {
    }

    /**
     * The bar and percentage, without isolates, e.g. {@code ▰▰▰▱▱ 60 %} for 60 of 100 in 5 cells. Use
     * {@link #renderFor} to put it into a message.
     *
     * @param current progress so far (clamped to 0..target)
     * @param target  the goal, at least 1
     * @param width   cells, 1 to {@value #MAX_WIDTH}
     */
    public static String render(long current, long target, int width) {
        if (width < 1 || width > MAX_WIDTH) {
            throw new IllegalArgumentException("width must be 1 to " + MAX_WIDTH + ", was " + width);
        }
        requireTarget(target);
        long done = clamp(current, target);
        int filled = (int) scaledDown(done, target, width);
        StringBuilder bar = new StringBuilder(width + 8);
        for (int i = 0; i < width; i++) {
            bar.append(i < filled ? FILLED : EMPTY);
        }
        return bar.append(' ').append(percent(current, target)).append(NO_BREAK_SPACE).append('%').toString();
    }

    /**
     * The bar wrapped in the directional isolate for the message's language ({@code ar} right to left,
     * any other left to right): what goes into a message text.
     */
    public static String renderFor(long current, long target, int width, String language) {
        return isolate(render(current, target, width), language);
    }

    /** Wraps text in a right-to-left isolate for {@code ar}, a left-to-right one otherwise. */
    public static String isolate(String text, String language) {
        return ("ar".equals(language) ? RLI : LRI) + text + PDI;
    }

    /** The whole percentage reached, 0 to 100, rounded down: 100 only when {@code current >= target}. */
    public static int percent(long current, long target) {
        requireTarget(target);
        return (int) scaledDown(clamp(current, target), target, 100);
    }

    /** How much is left to reach the target ("40 points to go"), never negative. */
    public static long toGo(long current, long target) {
        requireTarget(target);
        return target - clamp(current, target);
    }

    private static void requireTarget(long target) {
        if (target < 1) {
            throw new IllegalArgumentException("target must be at least 1, was " + target);
        }
    }

    private static long clamp(long current, long target) {
        return Math.max(0, Math.min(current, target));
    }

    // part * scale / whole, rounded down, for 0 <= part <= whole, without overflow for any long.
    private static long scaledDown(long part, long whole, long scale) {
        try {
            return Math.multiplyExact(part, scale) / whole;
        } catch (ArithmeticException overflow) {
            return BigInteger.valueOf(part).multiply(BigInteger.valueOf(scale)).divide(BigInteger.valueOf(whole))
                    .longValueExact();
        }
    }
}
