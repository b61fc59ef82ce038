package io.playloop.campaign;

/** The window an actions challenge counts in, in the campaign's time zone. */
public enum ChallengeWindow {
    /** A local day: the challenge can be completed again every day. */
    DAY,
    /** A local week, Monday to Sunday: completed again every week. */
    WEEK,
    /** The whole campaign: completed once. */
    CAMPAIGN
}
