package io.playloop.campaign;

import java.time.Instant;

/**
 * One pushed version of a campaign, as listed (without its JSON).
 *
 * @param campaignId the campaign
 * @param version    1, 2, 3… per campaign
 * @param name       the campaign's name in that version
 * @param pushedAt   when it was pushed
 * @param sha256     hash of its canonical JSON: equal hashes mean identical campaigns
 * @param bytes      size of its JSON in UTF-8
 */
public record StoredVersion(String campaignId, int version, String name, Instant pushedAt, String sha256, long bytes) {
    /** "demo v3": how logs and errors name a stored version. */
    public static String describe(String campaignId, int version) {
        return campaignId + " v" + version;
    }
}
