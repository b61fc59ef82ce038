package io.playloop.campaign;

/**
 * A part of a campaign that may be left out. Texts belong to one: a campaign without a spin wheel
 * need not write the wheel's texts.
 */
public enum Mechanic {
    /** Always present: welcome, points, help, consent, language, menu, referral code. */
    CORE,
    QUIZ,
    /** The wheel and the rewards it hands out (REWARDS lists won prizes). */
    SPIN,
    CHALLENGES,
    BADGES,
    TIERS,
    LEADERBOARD,
    /** Rewards bought with points ({@code rewards[]}), REDEEM. */
    CATALOGUE
}
