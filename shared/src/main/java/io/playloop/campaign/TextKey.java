package io.playloop.campaign;

import static io.playloop.campaign.Mechanic.BADGES;
import static io.playloop.campaign.Mechanic.CATALOGUE;
import static io.playloop.campaign.Mechanic.CHALLENGES;
import static io.playloop.campaign.Mechanic.CORE;
import static io.playloop.campaign.Mechanic.LEADERBOARD;
import static io.playloop.campaign.Mechanic.QUIZ;
import static io.playloop.campaign.Mechanic.SPIN;
import static io.playloop.campaign.Mechanic.TIERS;
import static io.playloop.campaign.TextKind.BODY;
import static io.playloop.campaign.TextKind.BUTTON;
import static io.playloop.campaign.TextKind.LIST_BUTTON;
import static io.playloop.campaign.TextKind.ROW_DESCRIPTION;
import static io.playloop.campaign.TextKind.ROW_TITLE;

import io.playloop.outreach.ReminderKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every text a campaign writes per language ({@code texts.<language>.<key>}), with where it goes
 * (its {@link TextKind}), the mechanic that needs it, and the placeholders the engine fills in it.
 *
 * <p>Every body text may use the {@link Placeholders#COMMON common placeholders}; the ones listed
 * here come on top. Reminder texts are the exception: the scheduler fills exactly
 * {@link ReminderPlaceholders#of their own}. A text is required in every language when its mechanic is part
 * of the campaign (for a reminder: when {@code outreach.reminders} configures it).
 */
public enum TextKey {
    // --- Core: welcome, consent, points, help ------------------------------------------------------
    GREETING_NAMED(BODY, CORE),
    GREETING_ANONYMOUS(BODY, CORE),
    WELCOME_INTRO(BODY, CORE),
    COMMANDS(BODY, CORE),
    CONSENT_QUESTION(BODY, CORE),
    POINTS_BALANCE(BODY, CORE),
    /** After a grant; {@code earned} is what this step added. */
    POINTS_EARNED(BODY, CORE, "earned"),
    HELP(BODY, CORE),
    START_DONE(BODY, CORE),
    START_ALREADY(BODY, CORE),
    STOP_DONE(BODY, CORE),
    /** {@code text} quotes (part of) what the customer wrote. */
    UNKNOWN(BODY, CORE, "text"),
    UNSUPPORTED(BODY, CORE),
    /** A command for a mechanic this campaign leaves out. */
    NOT_AVAILABLE(BODY, CORE),
    CAMPAIGN_NOT_STARTED(BODY, CORE, "date"),
    CAMPAIGN_ENDED(BODY, CORE, "date"),
    // --- Data rights (built-in defaults: optional in a campaign) -------------------------------------------
    /** Answer to ERASE: what will be deleted, above the confirm and cancel buttons. */
    ERASE_ASK(BODY, Mechanic.DATA_RIGHTS),
    /** After the confirm tap: the data is being deleted; a new message starts afresh. */
    ERASE_DONE(BODY, Mechanic.DATA_RIGHTS),
    /** After the cancel tap: nothing was deleted. */
    ERASE_CANCELLED(BODY, Mechanic.DATA_RIGHTS),
    BUTTON_ERASE_CONFIRM(BUTTON, Mechanic.DATA_RIGHTS),
    BUTTON_ERASE_CANCEL(BUTTON, Mechanic.DATA_RIGHTS),
    // --- Language --------------------------------------------------------------------------------
    LANG_PROMPT(BODY, CORE),
    LANG_DONE(BODY, CORE),
    /** The language's own name, on the button that picks it (e.g. "Français"). */
    LANGUAGE_NAME(BUTTON, CORE),
    // --- Menu (PLAY) -----------------------------------------------------------------------------
    MENU_BODY(BODY, CORE),
    MENU_BUTTON(LIST_BUTTON, CORE),
    MENU_POINTS(ROW_TITLE, CORE),
    MENU_POINTS_DESCRIPTION(ROW_DESCRIPTION, CORE),
    MENU_REFER(ROW_TITLE, CORE),
    MENU_REFER_DESCRIPTION(ROW_DESCRIPTION, CORE),
    MENU_QUIZ(ROW_TITLE, QUIZ),
    MENU_QUIZ_DESCRIPTION(ROW_DESCRIPTION, QUIZ),
    MENU_SPIN(ROW_TITLE, SPIN),
    MENU_SPIN_DESCRIPTION(ROW_DESCRIPTION, SPIN),
    MENU_REWARDS(ROW_TITLE, SPIN),
    MENU_REWARDS_DESCRIPTION(ROW_DESCRIPTION, SPIN),
    MENU_CHALLENGES(ROW_TITLE, CHALLENGES),
    MENU_CHALLENGES_DESCRIPTION(ROW_DESCRIPTION, CHALLENGES),
    MENU_BADGES(ROW_TITLE, BADGES),
    MENU_BADGES_DESCRIPTION(ROW_DESCRIPTION, BADGES),
    MENU_TOP(ROW_TITLE, LEADERBOARD),
    MENU_TOP_DESCRIPTION(ROW_DESCRIPTION, LEADERBOARD),
    // --- Referral --------------------------------------------------------------------------------
    /** The customer's own code and the wa.me link that carries it. */
    REFER_INVITE(BODY, CORE, "code", "link"),
    /** To the friend whose first message carried a code. */
    REFER_WELCOME(BODY, CORE),
    /** To the referrer when a friend's referral counts; {@code friends} is how many have so far. */
    REFER_COUNTED(BODY, CORE, "friends", "earned"),
    REFER_OWN_CODE(BODY, CORE),
    /** The code came from someone who cannot refer this customer (already a customer, already referred). */
    REFER_NOT_ELIGIBLE(BODY, CORE),
    // --- Buttons ---------------------------------------------------------------------------------
    BUTTON_START(BUTTON, CORE),
    BUTTON_POINTS(BUTTON, CORE),
    BUTTON_HELP(BUTTON, CORE),
    BUTTON_PLAY(BUTTON, CORE),
    // --- Quiz ------------------------------------------------------------------------------------
    /** Frames a question; {@code number} counts today's questions, {@code question} is its text. */
    QUIZ_QUESTION(BODY, QUIZ, "number", "question"),
    QUIZ_LIST_BUTTON(LIST_BUTTON, QUIZ),
    /** {@code streak}: correct answers in a row. */
    QUIZ_CORRECT(BODY, QUIZ, "earned", "streak"),
    /** {@code answer}: the right option's text. */
    QUIZ_WRONG(BODY, QUIZ, "answer"),
    QUIZ_CLOSED(BODY, QUIZ),
    QUIZ_DAILY_LIMIT(BODY, QUIZ, "limit"),
    BUTTON_QUIZ(BUTTON, QUIZ),
    // --- Spin and rewards ------------------------------------------------------------------------
    /** A discount won, with its coupon code. */
    SPIN_WON_DISCOUNT(BODY, SPIN, "prize", "valid_until", "code"),
    SPIN_WON_POINTS(BODY, SPIN, "prize", "earned"),
    SPIN_TRY_AGAIN(BODY, SPIN),
    /** {@code next_spin}: when the cooldown ends, in the customer's time zone. */
    SPIN_COOLDOWN(BODY, SPIN, "next_spin"),
    SPIN_NOT_ENOUGH_POINTS(BODY, SPIN, "cost"),
    BUTTON_SPIN(BUTTON, SPIN),
    REWARDS_HEADER(BODY, SPIN, "count"),
    /** One line per pending reward. */
    REWARDS_ITEM(BODY, SPIN, "prize", "valid_until", "code"),
    REWARDS_NONE(BODY, SPIN),
    // --- Challenges ------------------------------------------------------------------------------
    CHALLENGES_HEADER(BODY, CHALLENGES),
    /** One line per open challenge, e.g. "Invite 3 friends ▰▰▱ 2 of 3". */
    CHALLENGE_PROGRESS(BODY, CHALLENGES, "challenge", "bar", "done", "target"),
    CHALLENGE_COMPLETED(BODY, CHALLENGES, "challenge", "earned"),
    CHALLENGES_ALL_DONE(BODY, CHALLENGES),
    // --- Badges ----------------------------------------------------------------------------------
    BADGES_HEADER(BODY, BADGES, "count", "total"),
    BADGES_ITEM(BODY, BADGES, "badge"),
    BADGES_NONE(BODY, BADGES),
    BADGE_AWARDED(BODY, BADGES, "badge"),
    // --- Tiers -----------------------------------------------------------------------------------
    /** Toward the next tier, e.g. "▰▰▰▱▱ 60 % to Gold, 40 points to go". */
    TIER_PROGRESS(BODY, TIERS, "bar", "percent", "next_tier", "points_to_go"),
    TIER_TOP(BODY, TIERS),
    TIER_UP(BODY, TIERS),
    /** Says that tiers count points earned, not the balance. */
    TIER_EXPLAIN(BODY, TIERS),
    // --- Rewards catalogue (REWARDS lists what points buy, REDEEM buys) -----------------------------
    /** The body of the catalogue list: {@code points} is the balance. */
    CATALOGUE_BODY(BODY, CATALOGUE),
    CATALOGUE_BUTTON(LIST_BUTTON, CATALOGUE),
    /** A row's description: what the reward costs (keep it short: at most 72 characters once filled). */
    CATALOGUE_COST(BODY, CATALOGUE, "cost"),
    /** Nothing affordable yet: the cheapest reward and its cost. */
    CATALOGUE_NOT_YET(BODY, CATALOGUE, "reward", "cost"),
    /** Redeemed, with its code (a generated coupon). */
    REDEEM_DONE(BODY, CATALOGUE, "reward", "code", "valid_until"),
    /** Redeemed; the code (from a pool) follows in a moment. */
    REDEEM_CODE_FOLLOWS(BODY, CATALOGUE, "reward"),
    /** The reward function's message with a pool code. */
    REWARD_DELIVERED(BODY, CATALOGUE, "reward", "code", "valid_until"),
    REDEEM_NOT_ENOUGH_POINTS(BODY, CATALOGUE, "reward", "cost"),
    REDEEM_OUT_OF_STOCK(BODY, CATALOGUE, "reward"),
    REDEEM_LIMIT_REACHED(BODY, CATALOGUE, "reward", "limit"),
    /** REDEEM with a number the list does not have. */
    REDEEM_UNKNOWN(BODY, CATALOGUE, "number"),
    // --- Leaderboard -----------------------------------------------------------------------------
    TOP_HEADER(BODY, LEADERBOARD),
    /** One line per rank; {@code player} is a display name the engine shortens and masks. */
    TOP_LINE(BODY, LEADERBOARD, "rank", "player", "score"),
    /** {@code rank} when exact, else {@code around} (outside the top: an estimate), so a form says "around". */
    TOP_YOUR_RANK(BODY, LEADERBOARD, "rank", "around", "score"),
    TOP_UNRANKED(BODY, LEADERBOARD),
    TOP_EMPTY(BODY, LEADERBOARD),
    // --- Reminders (outreach.reminders; the scheduler sends them, with exactly these placeholders) ----------
    /** No message for a while: a nudge; {@code progress} is reminder_progress or reminder_progress_top. */
    REMINDER_INACTIVE(ReminderKind.INACTIVITY),
    /** Fills {@code {{progress}}} of reminder_inactive below the top tier. */
    REMINDER_PROGRESS(Mechanic.INACTIVITY_REMINDER, ReminderPlaceholders.PROGRESS),
    /** Fills {@code {{progress}}} of reminder_inactive at the top tier. */
    REMINDER_PROGRESS_TOP(Mechanic.INACTIVITY_REMINDER, ReminderPlaceholders.PROGRESS_TOP),
    /** A code the customer holds expires soon. */
    REWARD_EXPIRING(ReminderKind.REWARD_EXPIRING),
    /** Points lots expire soon: how many and the day, in the campaign's time zone. */
    POINTS_EXPIRING(ReminderKind.POINTS_EXPIRING),
    /** A challenge of this period ends soon and is not done. */
    CHALLENGE_UNFINISHED(ReminderKind.CHALLENGE_UNFINISHED),
    /** The daily streak breaks tonight unless the customer plays. */
    STREAK_AT_RISK(ReminderKind.STREAK_AT_RISK),
    /**
     * Where the customer finished on last week's leaderboard: {@code rank} when exact, {@code around} when
     * estimated, neither when unranked; {@code week} is the days it covered.
     */
    LEADERBOARD_RESULT(ReminderKind.LEADERBOARD_RESULT),
    /** Happy birthday, with the bonus points granted. */
    BIRTHDAY_BONUS(ReminderKind.BIRTHDAY),
    /** A referred friend made it count: the bonus is paid with the customer's next message. */
    REFERRAL_FRIEND_JOINED(ReminderKind.FRIEND_JOINED);

    private final TextKind kind;
    private final Mechanic mechanic;
    private final Set<String> placeholders;

    TextKey(TextKind kind, Mechanic mechanic, String... extraPlaceholders) {
        this.kind = kind;
        this.mechanic = mechanic;
        Set<String> allowed = new LinkedHashSet<>();
        if (kind.allowsPlaceholders()) {
            allowed.addAll(Placeholders.COMMON);
        }
        allowed.addAll(List.of(extraPlaceholders));
        this.placeholders = Set.copyOf(allowed);
    }

    /** The text of a reminder: its mechanic, and exactly the placeholders the scheduler fills in it. */
    TextKey(ReminderKind reminder) {
        this(Mechanic.of(reminder), ReminderPlaceholders.of(reminder));
    }

    /** A body text with exactly these placeholders (no common ones: the scheduler does not fill them). */
    TextKey(Mechanic mechanic, Set<String> placeholders) {
        this.kind = BODY;
        this.mechanic = mechanic;
        this.placeholders = Set.copyOf(placeholders);
    }

    /** The key as the format writes it, e.g. {@code points_balance}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public TextKind kind() {
        return kind;
    }

    public Mechanic mechanic() {
        return mechanic;
    }

    /** The placeholders this text may use: the common ones (body texts) and its own. */
    public Set<String> placeholders() {
        return placeholders;
    }

    /** Reads a format key; empty for anything else. */
    public static Optional<TextKey> fromKey(String key) {
        return FormatNames.lookup(TextKey.class, key);
    }
}
