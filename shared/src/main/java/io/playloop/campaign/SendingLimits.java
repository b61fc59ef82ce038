package io.playloop.campaign;

/**
 * How fast and how widely proactive messages may go out, so that the scheduler stays inside Meta's limits
 * instead of learning them from 130429 errors and a lower quality rating.
 *
 * @param perSecond      send-rate cap per business phone number (Meta allows 80 by default; staying lower
 *                       leaves room for the game's replies, which share the number's throughput)
 * @param messagingLimit Meta's messaging-limit tier: unique customers templates may reach in a moving 24 hours
 */
public record SendingLimits(int perSecond, int messagingLimit) {
    /** 20 messages a second, and the 250-customer tier every new business portfolio starts with. */
    public static final SendingLimits DEFAULT = new SendingLimits(20, 250);

    public SendingLimits {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond: must be at least 1, was " + perSecond);
        }
        if (messagingLimit < 1) {
            throw new IllegalArgumentException("messagingLimit: must be at least 1, was " + messagingLimit);
        }
    }
}
