package io.playloop.engine;

import java.util.Locale;

/**
 * What an inbound message was understood as; {@link #id()} is the value of {@link Outcome#intent()}
 * that logs and metrics use.
 */
public enum Intent {
    /** {@code request_welcome}: the customer opened the chat for the first time. */
    WELCOME,
    /** The HELP command. */
    HELP,
    /** The POINTS command. */
    POINTS,
    /** The START command (opt in). */
    START,
    /** The STOP command (opt out). */
    STOP,
    /** The PLAY command: the games menu. */
    PLAY,
    /** The QUIZ command. */
    QUIZ,
    /** The SPIN command. */
    SPIN,
    /** The REWARDS command. */
    REWARDS,
    /** The BADGES command. */
    BADGES,
    /** The TOP command. */
    TOP,
    /** The REDEEM command, or a tapped catalogue row: buy a reward with points. */
    REDEEM,
    /** The REFER command. */
    REFER,
    /** The LANG command, with or without the language chosen. */
    LANG,
    /** A tapped quiz option (signed id, or one that only looks like it): judged by the quiz. */
    ANSWER,
    /** The ERASE command ("DELETE MY DATA"): asks for a confirmation. */
    ERASE,
    /** A tapped, verified confirm button of an ERASE question: the customer is erased after the reply. */
    ERASE_CONFIRM,
    /** A tapped, verified cancel button of an ERASE question: nothing is deleted. */
    ERASE_CANCEL,
    /** A promotional keyword of the campaign's earning rules ("SUMMER"): earns points within its cap. */
    EARN,
    /** Text (typed, or the title of a button whose id we do not know) that matches no keyword. */
    UNKNOWN,
    /** A message we cannot read yet: image, sticker, audio, location, contacts, order, unsupported, ... */
    UNSUPPORTED,
    /** A reaction to one of our messages: never answered. */
    REACTION,
    /** A notice that is not something the customer said (system, revoke): never answered. */
    IGNORED;

    /** The lower-case name used in {@link Outcome#intent()}: welcome, help, points, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
