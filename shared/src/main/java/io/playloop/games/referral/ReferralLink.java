package io.playloop.games.referral;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The {@code https://wa.me/<digits>?text=<prefilled text>} link a customer shares with friends. */
public final class ReferralLink {
    /** The placeholder a prefilled text puts the code in, e.g. {@code "Hi! My code: {{code}}"}. */
    public static final String CODE_PLACEHOLDER = "{{code}}";

    private ReferralLink() {
    }

    /**
     * The link that opens a chat with {@code businessNumber} with {@code prefilled} typed in, the code in place
     * of {@value #CODE_PLACEHOLDER} (or appended after a space when the text has no placeholder).
     *
     * @param businessNumber the business's phone number in any layout ({@code +33 6 12…}); only digits are kept
     * @param prefilled      the text in the friend's language; Arabic is percent-encoded as UTF-8
     */
    public static String of(String businessNumber, String prefilled, ReferralCode code) {
        Objects.requireNonNull(code, "code");
        String digits = Objects.requireNonNull(businessNumber, "businessNumber").replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("businessNumber: has no digits");
        }
        return "https://wa.me/" + digits + "?text=" + encode(prefilledText(prefilled, code));
    }

    /** The text a friend finds typed in: {@code prefilled} with the code in place. */
    public static String prefilledText(String prefilled, ReferralCode code) {
        Objects.requireNonNull(prefilled, "prefilled");
        return prefilled.contains(CODE_PLACEHOLDER) ? prefilled.replace(CODE_PLACEHOLDER, code.value())
                : (prefilled.isBlank() ? code.value() : prefilled.strip() + " " + code.value());
    }

    // URLEncoder writes a space as '+', which wa.me shows literally in some clients: %20 is read everywhere.
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
