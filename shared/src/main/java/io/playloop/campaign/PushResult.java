package io.playloop.campaign;

/**
 * What a push stored.
 *
 * @param campaignId the campaign
 * @param version    the version number it got
 * @param activated  whether the active pointer now names it
 * @param bytes      size of the stored JSON in UTF-8
 * @param sha256     hash of the stored JSON
 */
public record PushResult(String campaignId, int version, boolean activated, long bytes, String sha256) {
}
