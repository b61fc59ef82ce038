package io.playloop.engine;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds what a customer typed into a form keywords can be compared with: "ARRÊT !", "arret" and
 * "‏arrêt" all become "arret"; "إيقاف" and "ايقاف" become the same; "٣" becomes "3". Used only for
 * matching, never for what is stored or echoed back.
 */
public final class TextNormalizer {
    private static final char TATWEEL = '\u0640';

    private TextNormalizer() {
    }

    /** Returns the matching form of {@code text}; null becomes the empty string. Idempotent. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        String decomposed = Normalizer.normalize(nfkc.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (isDropped(cp)) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(fold(cp));
        }
        return trimEnds(out.toString());
    }

    /** Combining marks (accents, Arabic harakat), tatweel, and invisible format characters (bidi marks, ZWJ, BOM). */
    private static boolean isDropped(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT
                || type == Character.SURROGATE
                || type == Character.CONTROL && !Character.isWhitespace(cp)
                || cp == TATWEEL
                || cp == 0xFE0F || cp == 0xFE0E;
    }

    /** Unifies Arabic letter variants and maps Arabic-Indic and Persian digits to ASCII. */
    private static int fold(int cp) {
        if (cp >= 0x0660 && cp <= 0x0669) {
            return '0' + (cp - 0x0660);
        }
        if (cp >= 0x06F0 && cp <= 0x06F9) {
            return '0' + (cp - 0x06F0);
        }
        return switch (cp) {
            case 0x0623, 0x0625, 0x0622, 0x0671 -> 0x0627; // أ إ آ ٱ -> ا
            case 0x0649 -> 0x064A;                         // ى -> ي
            case 0x0629 -> 0x0647;                         // ة -> ه
            case 0x0624 -> 0x0648;                         // ؤ -> و
            case 0x0626 -> 0x064A;                         // ئ -> ي
            default -> cp;
        };
    }

    /** Drops punctuation, symbols and emoji at both ends ("stop!!", "«نقاط»", "👍 points"). */
    private static String trimEnds(String s) {
        int start = 0;
        int end = s.length();
        while (start < end) {
            int cp = s.codePointAt(start);
            if (!isEdgeNoise(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = s.codePointBefore(end);
            if (!isEdgeNoise(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(start, end).strip();
    }

    private static boolean isEdgeNoise(int cp) {
        return !Character.isLetterOrDigit(cp);
    }
}
