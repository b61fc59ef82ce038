package io.playloop.engine;

import java.time.ZoneId;
import java.util.Map;

/**
 * The customer's time zone from their phone number's country calling code, for the countries that have one
 * zone: a streak day rolls over at the customer's own midnight. Countries that span several zones (+1, +7,
 * +52, +55, +61, …) and unknown codes take the campaign's zone. (libphonenumber's zone mapper ships in its
 * {@code geocoder} artifact, which is not served here; this table covers the calling codes PlayLoop's
 * languages are chosen for, and a wrong guess only moves a streak's midnight.)
 */
public final class CustomerZones {
    private static final Map<String, String> BY_CALLING_CODE = Map.ofEntries(
            Map.entry("33", "Europe/Paris"), Map.entry("32", "Europe/Brussels"), Map.entry("41", "Europe/Zurich"),
            Map.entry("352", "Europe/Luxembourg"), Map.entry("377", "Europe/Monaco"), Map.entry("44", "Europe/London"),
            Map.entry("353", "Europe/Dublin"), Map.entry("49", "Europe/Berlin"), Map.entry("34", "Europe/Madrid"),
            Map.entry("39", "Europe/Rome"), Map.entry("31", "Europe/Amsterdam"), Map.entry("351", "Europe/Lisbon"),
            Map.entry("966", "Asia/Riyadh"), Map.entry("971", "Asia/Dubai"), Map.entry("974", "Asia/Qatar"),
            Map.entry("965", "Asia/Kuwait"), Map.entry("973", "Asia/Bahrain"), Map.entry("968", "Asia/Muscat"),
            Map.entry("962", "Asia/Amman"), Map.entry("961", "Asia/Beirut"), Map.entry("964", "Asia/Baghdad"),
            Map.entry("20", "Africa/Cairo"), Map.entry("212", "Africa/Casablanca"), Map.entry("213", "Africa/Algiers"),
            Map.entry("216", "Africa/Tunis"), Map.entry("218", "Africa/Tripoli"), Map.entry("221", "Africa/Dakar"),
            Map.entry("225", "Africa/Abidjan"), Map.entry("237", "Africa/Douala"), Map.entry("90", "Europe/Istanbul"),
            Map.entry("91", "Asia/Kolkata"), Map.entry("92", "Asia/Karachi"), Map.entry("234", "Africa/Lagos"),
            Map.entry("254", "Africa/Nairobi"), Map.entry("27", "Africa/Johannesburg"), Map.entry("65", "Asia/Singapore"));

    private CustomerZones() {
    }

    /**
     * The zone of {@code waId} (phone digits without '+'), else {@code fallback}. Calling codes are 1 to 3
     * digits and prefix-free, so the first match from the shortest is the country's.
     */
    public static ZoneId of(String waId, ZoneId fallback) {
        if (waId == null || waId.isEmpty() || !waId.chars().allMatch(Character::isDigit)) {
            return fallback;
        }
        for (int length = 1; length <= 3 && length <= waId.length(); length++) {
            String zone = BY_CALLING_CODE.get(waId.substring(0, length));
            if (zone != null) {
                return ZoneId.of(zone);
            }
        }
        return fallback;
    }

    /** The attribute (set by the shop's customer event) that overrides the phone number's zone. */
    public static final String ATTRIBUTE = "time_zone";

    /**
     * The customer's zone for streak days, quiet hours and local dates: the {@code time_zone} attribute when it names
     * a zone, else the phone number's country, else {@code fallback}. The game and the scheduler both use this one.
     */
    public static ZoneId of(String waId, java.util.Map<String, String> attributes, ZoneId fallback) {
        String override = attributes.get(ATTRIBUTE);
        if (override != null && !override.isBlank()) {
            try {
                return ZoneId.of(override.trim());
            } catch (java.time.DateTimeException e) {
                // A bad attribute must not stop the customer's game: fall back to the phone's country.
            }
        }
        return of(waId, fallback);
    }
}
