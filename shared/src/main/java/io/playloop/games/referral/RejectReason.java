package io.playloop.games.referral;

/** Why a referral does not count. */
public enum RejectReason {
    /** The code in the message is the sender's own. */
    SELF,
    /** The sender was already a customer before the message with the code. */
    EXISTING_CUSTOMER,
    /** The friend was already referred (by anyone): the first referrer keeps them. */
    ALREADY_REFERRED,
    /** The code is valid but no customer was ever shown it (no {@code CODE#} record). */
    UNKNOWN_CODE,
    /** The friend did not qualify within the campaign's time limit. */
    EXPIRED
}
