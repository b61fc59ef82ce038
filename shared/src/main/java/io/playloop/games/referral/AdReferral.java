package io.playloop.games.referral;

import java.util.Optional;

/**
 * The fields of a click-to-WhatsApp ad's {@code messages[].referral} object that can carry a code: the
 * engine copies them from the raw message (all optional in Meta's payload).
 *
 * @param sourceUrl the ad or post URL, e.g. {@code https://fb.me/…?ref=7KQ4ZM9X}
 * @param headline  the ad's headline
 * @param body      the ad's text
 */
public record AdReferral(Optional<String> sourceUrl, Optional<String> headline, Optional<String> body) {
    public AdReferral {
        sourceUrl = sourceUrl == null ? Optional.empty() : sourceUrl;
        headline = headline == null ? Optional.empty() : headline;
        body = body == null ? Optional.empty() : body;
    }
}
