package io.playloop.crm;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One customer's game state as the CRM sees it: what {@link CrmSync} pushes to every sink.
 *
 * <p>{@code version} is the customer's state version (it grows with every change PlayLoop commits). Sinks
 * send it along so the receiving end can refuse a stale update where the vendor allows it (see the
 * package documentation for what each vendor allows), and {@link DeliveryLog} uses it to skip a sink that
 * already took this or a newer version.
 *
 * @param customerKey   PlayLoop's customer key (the wa_id digits, or the BSUID); never blank
 * @param phoneE164     the phone number in E.164 ({@code +33612345678}), or null when Meta gave only a BSUID
 * @param displayName   the WhatsApp profile name, or null; any script (Arabic survives byte for byte)
 * @param language      the customer's language ({@code en}, {@code fr}, {@code ar}), or null
 * @param pointsBalance points the customer can spend now
 * @param pointsEarned  points earned over the customer's lifetime
 * @param tierId        the tier held (campaign id of the tier), or null
 * @param tierName      the tier's display name, or null
 * @param badgeIds      badges held, in the order earned
 * @param optedIn       whether the customer consents to proactive (template) messages
 * @param lastGame      the last game played ({@code quiz}, {@code spin}, ...), or null
 * @param lastGameAt    when the last game was played, or null
 * @param campaignId    the campaign the customer plays in, or null
 * @param version       the customer's state version, monotonic, zero or more
 */
public record CrmContact(
        String customerKey,
        String phoneE164,
        String displayName,
        String language,
        long pointsBalance,
        long pointsEarned,
        String tierId,
        String tierName,
        List<String> badgeIds,
        boolean optedIn,
        String lastGame,
        Instant lastGameAt,
        String campaignId,
        long version) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public CrmContact {
        if (customerKey == null || customerKey.isBlank()) {
            throw new IllegalArgumentException("a CRM contact needs a customer key");
        }
        if (phoneE164 != null && !E164.matcher(phoneE164).matches()) {
            throw new IllegalArgumentException("phone must be E.164 like +33612345678 (got " + phoneE164.length()
                    + " characters starting with '" + phoneE164.substring(0, Math.min(3, phoneE164.length())) + "')");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must be zero or more, was " + version);
        }
        badgeIds = badgeIds == null ? List.of() : List.copyOf(badgeIds);
    }

    /**
     * The idempotency key of this state: customer key and version. A receiver that saw it already can
     * drop the delivery; the same contact pushed twice carries the same key.
     */
    public String deliveryId() {
        return customerKey + ":" + version;
    }

    /** The phone without its plus sign ({@code 33612345678}), or null when there is no phone. */
    public String phoneDigits() {
        return phoneE164 == null ? null : phoneE164.substring(1);
    }

    @Override
    public String toString() {
        // Never the phone or the name in full: records end up in log lines.
        return "CrmContact[customerKey=" + io.playloop.logging.Masking.phone(customerKey) + ", version=" + version + "]";
    }
}
