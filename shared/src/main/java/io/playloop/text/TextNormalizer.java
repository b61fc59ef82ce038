package io.playloop.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds what a customer typed into a canonical form for keyword matching, so that {@code "STOP!!"},
 * {@code "  Arrêt."}, {@code "إيـقـاف"} (with tatweel) and {@code "‏إيقاف‏"} (with bidi marks) compare
 * equal to the catalogue's keywords.
 *
 * <p>Only for matching: what we store, log or quote back is always the customer's original text.
 * The steps, in order:
 * <ol>
 *   <li>NFKC (full-width and presentation forms, ligatures, compatibility characters);</li>
 *   <li>remove format characters (category Cf: bidi marks and embeddings U+200E/U+200F/U+061C/U+202A–U+202E,
 *       isolates U+2066–U+2069, zero-width characters U+200B–U+200D, U+FEFF, soft hyphen) and the Arabic
 *       tatweel U+0640;</li>
 *   <li>case folding ({@link Locale#ROOT}, through upper then lower case so that ß matches ss);</li>
 *   <li>remove combining marks after canonical decomposition (French accents, Arabic harakat and the
 *       hamza/madda carried by alef, so أ إ آ become ا);</li>
 *   <li>unify Arabic letter variants (ٱ → ا, ى and Persian ی → ي, ة → ه, Persian ک → ك), typographic
 *       apostrophes (’ ‘ ʼ ` ´ → ') and Greek final sigma (ς → σ, as Unicode case folding does);</li>
 *   <li>map every decimal digit (Arabic-Indic ٠–٩, Persian ۰–۹, …) to ASCII;</li>
 *   <li>collapse whitespace to single spaces;</li>
 *   <li>trim everything that is neither a letter nor a digit at both ends (punctuation, symbols, emoji),
 *       unless that would leave nothing: a lone {@code "?"} stays {@code "?"}.</li>
 * </ol>
 * The result is idempotent: normalising a normalised string returns it unchanged. Never throws, also
 * on lone surrogates.
 */
public final class TextNormalizer {
    private static final int TATWEEL = 0x0640;

    private TextNormalizer() {
    }

    /** Returns the matching form of {@code text}; null becomes the empty string. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = removeFormatCharacters(s);
        s = foldCase(s);
        s = removeCombiningMarks(s);
        s = unifyVariantsAndDigits(s);
        s = collapseWhitespace(s);
        return trimNonAlphanumericEnds(s);
    }

    /**
     * Upper then lower case until nothing changes: one round turns capital sharp s (ẞ) into ß, the next
     * into ss, and matching must not depend on how many times a text was normalised.
     */
    private static String foldCase(String s) {
        String previous;
        do {
            previous = s;
            s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        } while (!s.equals(previous));
        return s;
    }

    /** The words of a normalised string (split on single spaces); empty for an empty string. */
    public static String[] words(String normalized) {
        return normalized.isEmpty() ? new String[0] : normalized.split(" ");
    }

    private static String removeFormatCharacters(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints()
                .filter(cp -> cp != TATWEEL && Character.getType(cp) != Character.FORMAT)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String removeCombiningMarks(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(cp -> !isCombiningMark(cp))
                .forEach(out::appendCodePoint);
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    private static boolean isCombiningMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static String unifyVariantsAndDigits(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(unify(cp)));
        return out.toString();
    }

    private static int unify(int cp) {
        if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
            return '0' + Character.digit(cp, 10);
        }
        return switch (cp) {
            case 0x0671 -> 0x0627;                      // alef wasla -> alef
            case 0x0649, 0x06CC -> 0x064A;              // alef maqsura, Persian yeh -> yeh
            case 0x0629 -> 0x0647;                      // teh marbuta -> heh
            case 0x06A9 -> 0x0643;                      // Persian keheh -> kaf
            case 0x03C2 -> 0x03C3;                      // final sigma -> sigma (case folding, context-free)
            case 0x2019, 0x2018, 0x02BC, 0x0060, 0x00B4 -> '\''; // typographic apostrophes
            default -> cp;
        };
    }

    private static String collapseWhitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    private static String trimNonAlphanumericEnds(String s) {
        int start = 0;
        int end = s.length();
        while (start < end) {
            int cp = s.codePointAt(start);
            if (Character.isLetterOrDigit(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = s.codePointBefore(end);
            if (Character.isLetterOrDigit(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        // Nothing but punctuation or symbols ("?", "؟", "👍"): keep it whole so it can still be a keyword.
        return start < end ? s.substring(start, end) : s;
    }
}
