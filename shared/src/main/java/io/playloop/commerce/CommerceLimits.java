package io.playloop.commerce;

import io.playloop.sqs.SqsIds;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bounds every shop event is checked against at the door, before anything is built from it, so that each
 * table key, ledger id and queue record made from an accepted event fits DynamoDB (partition keys 2,048 bytes,
 * sort keys 1,024) and SQS (256 KiB, its character set), and no number or date can overflow later. Documented
 * in {@code infra/commerce/FORMAT.md}.
 *
 * <p>Ids may be long (200 characters of any script) yet every key stays short: an id of more than
 * {@link #MAX_ID_BYTES_IN_KEYS} UTF-8 bytes is keyed by its SHA-256 ({@link #keyPart}); the full id still
 * travels in the record and is stored as an attribute.
 */
public final class CommerceLimits {
    /** The longest order, refund or update id, in characters. */
    public static final int MAX_ID_LENGTH = 200;
    /** An id up to this many UTF-8 bytes goes into keys as it is; a longer one as its digest. */
    public static final int MAX_ID_BYTES_IN_KEYS = 100;
    /** The largest amount, in the order's currency: 10^12. */
    public static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(12);
    /** The most decimals an amount may have. */
    public static final int MAX_DECIMALS = 6;
    /** The longest amount text read (a longer one is refused before it is parsed). */
    static final int MAX_AMOUNT_TEXT = 40;
    /** The longest date-time text read. */
    static final int MAX_TIME_TEXT = 64;
    /** The earliest date an event may carry. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** How far ahead of PlayLoop's clock an event's date may be (clock skew, a time zone written wrong). */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);
    /**
     * The oldest event PlayLoop applies. The receipts that make a redelivery harmless live 8 days from when
     * the event was applied; a day less leaves a day for the queue. Older events are acknowledged, not applied.
     */
    public static final Duration MAX_AGE = Duration.ofDays(7);
    /** The longest product title, discount code or attribute value, in characters. */
    public static final int MAX_TEXT_LENGTH = 256;
    /** The most product titles or discount codes an order may list. */
    public static final int MAX_LIST = 100;
    /** Product titles kept in the queued record: PlayLoop uses the first ({@code last_product}). */
    public static final int KEPT_PRODUCTS = 10;
    /** The inbound queue's maximum message size (SQS's default, and the template's). */
    public static final int MAX_RECORD_BYTES = 256 * 1024;

    private static final String DIGEST_PREFIX = "sha256:";
    private static final int ECHO_LENGTH = 64;

    private CommerceLimits() {
    }

    /**
     * Why {@code id} cannot be an order, refund or update id, or empty when it can: 1 to {@link #MAX_ID_LENGTH}
     * characters, not blank, no control character, and only characters SQS carries (no lone surrogate, no
     * U+FFFE or U+FFFF).
     */
    public static Optional<String> idProblem(String id) {
        if (id == null || id.isBlank()) {
            return Optional.of("empty");
        }
        if (id.length() > MAX_ID_LENGTH) {
            return Optional.of(id.length() + " characters (at most " + MAX_ID_LENGTH + ")");
        }
        if (!textOnly(id)) {
            return Optional.of("a control character, a lone surrogate or a noncharacter (U+FFFE, U+FFFF)");
        }
        return Optional.empty();
    }

    /**
     * What of {@code id} goes into table keys and event ids: the id itself when its UTF-8 form has at most
     * {@link #MAX_ID_BYTES_IN_KEYS} bytes (every Shopify id, most shops' ids), else {@code sha256:} and the
     * SHA-256 hex of those bytes (71 characters). An id equal to another id's digest form would need a
     * SHA-256 preimage, so two different ids never share a key.
     */
    public static String keyPart(String id) {
        if (id.getBytes(StandardCharsets.UTF_8).length <= MAX_ID_BYTES_IN_KEYS) {
            return id;
        }
        return DIGEST_PREFIX + SqsIds.sha256Hex(id);
    }

    /**
     * Reads an amount: a decimal string or JSON number text, 0 to {@link #MAX_AMOUNT}, at most
     * {@link #MAX_DECIMALS} decimals; empty when it is not one. Checked on the text's length, then on the
     * number's precision and scale, never by expanding it: {@code 1e999999999} is one digit and an exponent,
     * and its plain form would be a billion characters.
     */
    public static Optional<BigDecimal> amount(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.isEmpty() || s.length() > MAX_AMOUNT_TEXT) {
            return Optional.empty();
        }
        BigDecimal value;
        try {
            value = new BigDecimal(s);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (value.signum() < 0 || value.scale() > MAX_DECIMALS) {
            return Optional.empty();
        }
        // Digits before the point: precision - scale. 10^12 has 13; more cannot be in range.
        if ((long) value.precision() - value.scale() > 13 || value.compareTo(MAX_AMOUNT) > 0) {
            return Optional.empty();
        }
        // An exponent form (1.5E+3) becomes plain (1500): safe now that the value is bounded.
        return Optional.of(value.scale() < 0 ? value.setScale(0) : value);
    }

    /** The hint that follows an amount's field name in a problem. */
    public static String amountRule() {
        return "a decimal amount from 0 to 10^12 with at most " + MAX_DECIMALS + " decimals, such as \"59.90\"";
    }

    /**
     * Reads an ISO-8601 date-time with offset; empty when it is not one (or longer than any such text).
     */
    public static Optional<Instant> instant(String text) {
        if (text == null || text.length() > MAX_TIME_TEXT) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Why an event's date is not plausible, or empty: it must be from 2000 on and at most
     * {@link #MAX_AHEAD} after {@code now}.
     */
    public static Optional<String> timeProblem(Instant at, Instant now) {
        if (at.isBefore(EARLIEST)) {
            return Optional.of("before 2000");
        }
        if (at.isAfter(now.plus(MAX_AHEAD))) {
            return Optional.of("more than a day after PlayLoop's clock (" + now + ")");
        }
        return Optional.empty();
    }

    /** Whether an event of {@code at} is too old to be applied now ({@link #MAX_AGE}). */
    public static boolean tooOld(Instant at, Instant now) {
        return at.isBefore(now.minus(MAX_AGE));
    }

    /**
     * Whether every character of {@code s} is one SQS carries and none is a control character: what ids and
     * texts must be. SQS takes U+0009, U+000A, U+000D, U+0020–U+D7FF, U+E000–U+FFFD and U+10000 up; control
     * characters are refused too, as no id, title or name needs them (and JSON would escape each into six bytes).
     */
    public static boolean textOnly(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (!allowed(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /**
     * {@code s} with every character {@link #textOnly} refuses replaced by U+FFFD, cut to {@code maxLength}
     * characters (never inside a surrogate pair), stripped: for texts PlayLoop only shows (Shopify's product
     * titles), where a stray character must not cost the customer their order.
     */
    public static String cleaned(String s, int maxLength) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), maxLength));
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int n = Character.charCount(c);
            boolean ok = allowed(c);
            if (out.length() + (ok ? n : 1) > maxLength) {
                break;
            }
            if (ok) {
                out.appendCodePoint(c);
            } else {
                out.append('\uFFFD');
            }
            i += n;
        }
        return out.toString().strip();
    }

    /** {@code s} as it may appear in an answer or a log line: cleaned, at most 64 characters. */
    public static String echo(String s) {
        if (s == null) {
            return null;
        }
        String cleaned = cleaned(s, ECHO_LENGTH + 1);
        return cleaned.length() > ECHO_LENGTH ? cleaned(s, ECHO_LENGTH - 1) + "…" : cleaned;
    }

    /** The first {@code n} of {@code values}. */
    static List<String> first(List<String> values, int n) {
        return values.size() <= n ? values : new ArrayList<>(values.subList(0, n));
    }

    private static boolean allowed(int c) {
        if (Character.getType(c) == Character.CONTROL) {
            return false; // C0, DEL and C1, tab and newlines included
        }
        return (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
