package io.playloop.sqs;

/**
 * The characters SQS accepts in a message body and in message attribute values: {@code #x9 | #xA | #xD |
 * #x20-#xD7FF | #xE000-#xFFFD | #x10000-#x10FFFF} (the XML 1.0 set). Anything else (other control characters,
 * U+FFFE, U+FFFF, a lone surrogate) makes SQS refuse the whole entry with {@code InvalidMessageContents}, so text
 * from a customer is cleaned with {@link #clean} before it is queued.
 */
public final class SqsCharacters {
    /** What a refused character becomes: U+FFFD REPLACEMENT CHARACTER, which SQS accepts. */
    public static final char REPLACEMENT = '\uFFFD';

    private SqsCharacters() {
    }

    /** Whether SQS accepts this code point (a lone surrogate arrives here as its own code point and is refused). */
    public static boolean allowed(int codePoint) {
        return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || codePoint >= 0x20 && codePoint <= 0xD7FF
                || codePoint >= 0xE000 && codePoint <= 0xFFFD
                || codePoint >= 0x10000 && codePoint <= 0x10FFFF;
    }

    /** Whether SQS accepts every character of {@code value}. */
    public static boolean acceptable(String value) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (!allowed(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /**
     * {@code value} with every character SQS refuses replaced by {@link #REPLACEMENT}; the same instance when there
     * is none (the usual case costs no copy). Null stays null.
     */
    public static String clean(String value) {
        if (value == null || acceptable(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (allowed(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(REPLACEMENT);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
