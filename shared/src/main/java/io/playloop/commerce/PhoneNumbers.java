package io.playloop.commerce;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.playloop.logging.Masking;
import java.util.Locale;

/**
 * Turns the phone numbers shops store (any spacing, national or international form) into PlayLoop's
 * customer key: E.164 digits without '+', the same digits WhatsApp sends as {@code wa_id}. So
 * {@code +33 6 12 34 56 78}, {@code 0612345678} (region FR), {@code 33612345678} and
 * {@code 0033612345678} are all customer {@code 33612345678}.
 *
 * <p>A number without '+' is first read as the shop's region writes it (national form, or that region's
 * international prefix such as {@code 00}); when that is not a valid number it is read as digits that
 * already start with a country code (the {@code wa_id} form). Only numbers libphonenumber calls valid are
 * accepted; anything else is refused with the reason, never guessed.
 *
 * <p>Cold start: {@link PhoneNumberUtil} loads each region's metadata the first time it is needed;
 * {@link #warmUp()} loads the default region's (and the country-code lookup) so that a SnapStart
 * snapshot already holds them.
 */
public final class PhoneNumbers {
    /** The region used when the deployment names none: the demo shop is French. */
    public static final String DEFAULT_REGION = "FR";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_INPUT_LENGTH = 64;

    private final String defaultRegion;

    /**
     * @param defaultRegion ISO 3166-1 alpha-2 region numbers in national form belong to (e.g. {@code FR})
     * @throws IllegalArgumentException when libphonenumber does not know the region
     */
    public PhoneNumbers(String defaultRegion) {
        String region = defaultRegion == null || defaultRegion.isBlank()
                ? DEFAULT_REGION : defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("'" + defaultRegion + "' is not a phone region libphonenumber knows:"
                    + " use an ISO 3166-1 alpha-2 code such as FR, GB, US or MA");
        }
        this.defaultRegion = region;
    }

    /** The region national numbers are read in. */
    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * The customer key for a phone number written in the default region.
     *
     * @throws InvalidPhoneNumberException with the reason when it is not a valid phone number
     */
    public String customerKey(String text) {
        return customerKey(text, null);
    }

    /**
     * The customer key for a phone number, read in {@code region} when given (an address's country), else
     * in the default region.
     *
     * @throws InvalidPhoneNumberException with the reason when it is not a valid phone number
     */
    public String customerKey(String text, String region) {
        if (text == null || text.isBlank()) {
            throw new InvalidPhoneNumberException("no phone number");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_INPUT_LENGTH) {
            throw new InvalidPhoneNumberException("a phone number of " + trimmed.length() + " characters is too long");
        }
        String readIn = region != null && UTIL.getSupportedRegions().contains(region.toUpperCase(Locale.ROOT))
                ? region.toUpperCase(Locale.ROOT) : defaultRegion;
        String problem;
        try {
            PhoneNumber number = UTIL.parse(trimmed, readIn);
            if (UTIL.isValidNumber(number)) {
                return digits(number);
            }
            problem = "not a valid number (" + UTIL.isPossibleNumberWithReason(number).name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + ")";
        } catch (NumberParseException e) {
            problem = "not a phone number (" + e.getErrorType().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
        }
        if (!trimmed.startsWith("+")) {
            // The wa_id form: the country code is already there, only the '+' is missing.
            try {
                PhoneNumber international = UTIL.parse("+" + trimmed, "ZZ");
                if (UTIL.isValidNumber(international)) {
                    return digits(international);
                }
            } catch (NumberParseException ignored) {
                // the first reading's problem is the one to report
            }
        }
        throw new InvalidPhoneNumberException(Masking.phone(CommerceLimits.echo(trimmed)) + " is " + problem + " in region " + readIn
                + " or with a country code");
    }

    /** Loads the metadata the first real request would otherwise load (SnapStart snapshots it). */
    public void warmUp() {
        try {
            customerKey("+33612345678");
            UTIL.isValidNumber(UTIL.parse("0612345678", defaultRegion));
        } catch (NumberParseException | InvalidPhoneNumberException ignored) {
            // only the loading matters
        }
    }

    /**
     * The ISO region of a WhatsApp id (phone digits without '+'), e.g. {@code FR} for 33612345678; null when the
     * number is not a valid international number (a BSUID, a typo). Meta prices templates by this region.
     */
    public static String regionOf(String waId) {
        if (waId == null || waId.isBlank() || !waId.chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            String region = UTIL.getRegionCodeForNumber(UTIL.parse("+" + waId, null));
            return region == null || "ZZ".equals(region) ? null : region;
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            return null;
        }
    }

    private static String digits(PhoneNumber number) {
        return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164).substring(1);
    }

    /** A phone number that cannot be a customer key; the message says why (with the number masked). */
    public static final class InvalidPhoneNumberException extends IllegalArgumentException {
        public InvalidPhoneNumberException(String message) {
            super(message);
        }
    }
}
