package io.playloop.games.referral;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a referral code in what a friend sends first: the prefilled text in any language, or the code typed
 * by hand in any case, with or without a dash in the middle, with Arabic-Indic digits, inside other text.
 * Only codes whose check characters match count ({@link ReferralCode#verify}), so an ordinary word of
 * eight letters is not taken for a code.
 */
public final class ReferralCodeParser {
    // Eight code characters (optionally 4 + '-' or space + 4) not glued to other Latin letters or digits.
    private static final Pattern CANDIDATE =
            Pattern.compile("(?<![A-Z0-9])([A-Z0-9]{4})[-\\s]?([A-Z0-9]{4})(?![A-Z0-9])");
    // Direction marks and isolates that copy-paste from right-to-left text leaves around a code.
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

    private final byte[] secret;

    /** A parser for codes made with {@code secret}. */
    public ReferralCodeParser(byte[] secret) {
        this.secret = Objects.requireNonNull(secret, "secret").clone();
    }

    /** The first valid code in {@code text}, if any. */
    public Optional<ReferralCode> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = CANDIDATE.matcher(normalize(text));
        while (m.find()) {
            Optional<ReferralCode> code = ReferralCode.verify(m.group(1) + m.group(2), secret);
            if (code.isPresent()) {
                return code;
            }
        }
        return Optional.empty();
    }

    /** The code a click-to-WhatsApp ad carries (its URL, then headline, then body), if any. */
    public Optional<ReferralCode> find(AdReferral ad) {
        return ad.sourceUrl().flatMap(this::find)
                .or(() -> ad.headline().flatMap(this::find))
                .or(() -> ad.body().flatMap(this::find));
    }

    /** The code in the message text, else in its ad referral: what the engine calls on a first message. */
    public Optional<ReferralCode> find(Optional<String> text, Optional<AdReferral> ad) {
        return text.flatMap(this::find).or(() -> ad.flatMap(this::find));
    }

    private static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        INVISIBLE.matcher(text).replaceAll("").codePoints().forEach(c -> {
            if (c >= '\u0660' && c <= '\u0669') {
                out.append((char) ('0' + c - '\u0660'));       // Arabic-Indic digits ٠–٩
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                out.append((char) ('0' + c - '\u06F0'));       // Extended (Persian/Urdu) digits ۰–۹
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
