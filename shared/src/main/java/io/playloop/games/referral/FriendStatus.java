package io.playloop.games.referral;

/**
 * What a referral waits for, read from the friend's record.
 *
 * @param optedIn                 the friend has given marketing consent (and not withdrawn it)
 * @param didQualifyingAction     the friend has done the campaign's qualifying action at least once
 */
public record FriendStatus(boolean optedIn, boolean didQualifyingAction) {
}
