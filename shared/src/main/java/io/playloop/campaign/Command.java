package io.playloop.campaign;

import java.util.Optional;

/**
 * What a customer can ask for at any time, typed as a keyword or tapped. Every campaign lists at least
 * one keyword per command and language ({@code keywords.<language>.<COMMAND>}).
 */
public enum Command {
    /** The points balance, tier and progress. */
    POINTS,
    /** The next quiz question. */
    QUIZ,
    /** Spin the wheel. */
    SPIN,
    /** Won prizes not yet used. */
    REWARDS,
    /** Badges earned. */
    BADGES,
    /** This week's leaderboard. */
    TOP,
    /** The customer's referral code and link, and referral progress. */
    REFER,
    /** What one can do. */
    HELP,
    /** Choose the language. */
    LANG,
    /** The games menu (a list message). */
    PLAY,
    /** Buy a reward of the catalogue with points: {@code REDEEM 2} (its number in the REWARDS list). */
    REDEEM,
    /** Opt out of proactive messages. */
    STOP,
    /** Opt in to proactive messages. */
    START,
    /**
     * Delete my data: asks for a confirmation (two buttons); the confirm tap erases the customer. Optional in a
     * campaign's keywords: built-in phrases when left out.
     */
    ERASE;

    /** Reads a command name as the format writes it ({@code POINTS}); empty for anything else. */
    public static Optional<Command> fromName(String name) {
        for (Command command : values()) {
            if (command.name().equals(name)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }
}
