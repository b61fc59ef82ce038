package io.playloop.engine;

import io.playloop.campaign.Campaign;
import io.playloop.campaign.Command;
import io.playloop.campaign.Mechanic;
import io.playloop.campaign.TextKey;
import io.playloop.campaign.Tier;
import io.playloop.games.progress.ProgressBar;
import io.playloop.whatsapp.outbound.ButtonMessage;
import io.playloop.whatsapp.outbound.OutboundMessage;
import io.playloop.whatsapp.outbound.ListMessage;
import io.playloop.whatsapp.outbound.TextMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the replies from the active campaign's texts. Chat etiquette: whatever one inbound message calls for is
 * said in one message (a first contact that is also a command gets the welcome and the answer together).
 *
 * <p>Values inserted into texts (the customer's name, the business name, a quote of what the customer
 * wrote) are wrapped in Unicode directional isolates (U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL
 * ISOLATE), so a Latin name inside an Arabic sentence, or an Arabic quote inside an English one, keeps
 * both its own direction and the sentence's, and no stray bidi control in a name can spill over the rest
 * of the message. The value itself is copied byte for byte.
 */
final class Replies {
    /** Most code points of a customer's name used in a greeting; longer names are cut. */
    static final int NAME_MAX = 64;
    /** Most code points of a customer's message quoted back. */
    static final int QUOTE_MAX = 100;

    private static final String PARAGRAPH = "\n\n";
    private static final String ELLIPSIS = "…";
    /** Blocks of the tier progress bar. */
    private static final int BAR_WIDTH = 5;
    private static final Map<Command, TextKey> BUTTON_TITLES = Map.of(
            Command.START, TextKey.BUTTON_START, Command.POINTS, TextKey.BUTTON_POINTS,
            Command.HELP, TextKey.BUTTON_HELP, Command.PLAY, TextKey.BUTTON_PLAY,
            Command.QUIZ, TextKey.BUTTON_QUIZ, Command.SPIN, TextKey.BUTTON_SPIN);

    private final Campaign campaign;
    private final String business;
    /** The customer these replies are for: what {@code {{name}}}, {@code {{points}}} and {@code {{tier}}} say. */
    private final Personal personal;

    /**
     * The values of the personal placeholders, as the customer should read them.
     *
     * @param name   the display name, or null for the neutral word
     * @param points the live balance
     * @param tier   the tier's name in the reply's language, or null below the first tier
     * @param lastProduct the last product the shop reported the customer bought, or null
     */
    record Personal(String name, long points, String tier, String lastProduct) {
        static final Personal NONE = new Personal(null, 0, null, null);
    }

    Replies(Campaign campaign, String businessName) {
        this(campaign, isolate(businessName), Personal.NONE);
    }

    private Replies(Campaign campaign, String isolatedBusiness, Personal personal) {
        this.campaign = campaign;
        this.business = isolatedBusiness;
        this.personal = personal;
    }

    /** These replies for one customer: every text they render fills the personal placeholders for them. */
    Replies forCustomer(Personal who) {
        return new Replies(campaign, business, who);
    }

    /**
     * The first-contact message: greeting, what PlayLoop does, the answer to a command the first message
     * already gave, the commands and (unless START or STOP already answered it) the consent question,
     * with buttons to say yes, open the games and get help.
     *
     * @param command the command of the first message, or null when it was none
     */
    OutboundMessage welcome(String language, String to, String name, long points, Command command) {
        Map<String, String> values = values(name, points);
        String greeting = render(language, name != null ? TextKey.GREETING_NAMED : TextKey.GREETING_ANONYMOUS,
                values);
        String intro = render(language, TextKey.WELCOME_INTRO, values);
        String commands = render(language, TextKey.COMMANDS, values);
        String consent = render(language, TextKey.CONSENT_QUESTION, values);
        if (command == Command.STOP) {
            return new TextMessage(to, join(greeting, render(language, TextKey.STOP_DONE, values)));
        }
        if (command == Command.START) {
            return buttons(language, to, join(greeting, intro, render(language, TextKey.START_DONE, values),
                    commands), Command.PLAY, Command.POINTS, Command.HELP);
        }
        List<String> parts = new ArrayList<>();
        parts.add(greeting);
        parts.add(intro);
        if (command == Command.POINTS) {
            parts.add(render(language, TextKey.POINTS_BALANCE, values));
        }
        parts.add(commands);
        parts.add(consent);
        return buttons(language, to, join(parts.toArray(String[]::new)), Command.START, Command.PLAY, Command.HELP);
    }

    /**
     * The answer to HELP: the commands, with buttons for the games, POINTS and, before consent, START
     * (STOP is typed: the help text names it).
     */
    OutboundMessage help(String language, String to, String name, boolean consented) {
        String body = render(language, TextKey.HELP, values(name, personal.points()));
        return consented ? buttons(language, to, body, Command.PLAY, Command.POINTS)
                : buttons(language, to, body, Command.PLAY, Command.POINTS, Command.START);
    }

    /**
     * The answer to POINTS: the live balance and tier, then (when the campaign has tiers) a progress bar
     * toward the next tier by points earned, or the top-tier line, and the reminder that tiers count
     * points earned, not the balance.
     */
    OutboundMessage points(String language, String to, String name, long points, long earned) {
        Map<String, String> values = values(name, points);
        if (personal.tier() == null) { // the held tier when known, else the one points earned reach
            campaign.tierFor(earned).ifPresent(t -> values.put("tier", isolate(t.name().in(language,
                    campaign.defaultLanguage()))));
        }
        List<String> parts = new ArrayList<>();
        parts.add(render(language, TextKey.POINTS_BALANCE, values));
        if (campaign.has(Mechanic.TIERS)) {
            Optional<Tier> next = campaign.nextTier(earned);
            if (next.isPresent()) {
                long target = next.get().threshold();
                values.put("bar", ProgressBar.isolate(ProgressBar.render(earned, target, BAR_WIDTH)
                        .substring(0, BAR_WIDTH), language));
                values.put("percent", Integer.toString(ProgressBar.percent(earned, target)));
                values.put("next_tier", next.get().name().in(language, campaign.defaultLanguage()));
                values.put("points_to_go", Long.toString(ProgressBar.toGo(earned, target)));
                parts.add(render(language, TextKey.TIER_PROGRESS, values));
            } else {
                parts.add(render(language, TextKey.TIER_TOP, values));
            }
            parts.add(render(language, TextKey.TIER_EXPLAIN, values));
        }
        return new TextMessage(to, String.join("\n", parts));
    }

    /** Points a promotional keyword earned: "+15 points! You now have 40." */
    OutboundMessage earned(String language, String to, String name, long earned, long points) {
        Map<String, String> values = values(name, points);
        values.put("earned", Long.toString(earned));
        return buttons(language, to, render(language, TextKey.POINTS_EARNED, values), Command.PLAY);
    }

    OutboundMessage startConfirmed(String language, String to) {
        return text(language, to, TextKey.START_DONE);
    }

    OutboundMessage startAlready(String language, String to) {
        return text(language, to, TextKey.START_ALREADY);
    }

    OutboundMessage stopConfirmed(String language, String to) {
        return text(language, to, TextKey.STOP_DONE);
    }

    /** ERASE: what would be deleted, with a confirm and a cancel button (their ids signed for this customer). */
    OutboundMessage eraseAsk(String language, String to, String confirmId, String cancelId) {
        return new ButtonMessage(to, null, render(language, TextKey.ERASE_ASK, values(personal.name(), personal.points())),
                null, List.of(new ButtonMessage.Button(confirmId, render(language, TextKey.BUTTON_ERASE_CONFIRM, Map.of())),
                        new ButtonMessage.Button(cancelId, render(language, TextKey.BUTTON_ERASE_CANCEL, Map.of()))));
    }

    /** The confirm tap: the data is being deleted; a new message starts afresh. */
    OutboundMessage eraseDone(String language, String to) {
        return text(language, to, TextKey.ERASE_DONE);
    }

    /** The cancel tap: nothing was deleted. */
    OutboundMessage eraseCancelled(String language, String to) {
        return buttons(language, to, render(language, TextKey.ERASE_CANCELLED, values(personal.name(),
                personal.points())), Command.PLAY, Command.POINTS);
    }

    /** "Didn't understand" quoting the customer's words (cut to {@value #QUOTE_MAX} code points), with HELP. */
    OutboundMessage unknown(String language, String to, String said) {
        Map<String, String> values = values(personal.name(), personal.points());
        values.put("text", isolate(quote(said)));
        return buttons(language, to, render(language, TextKey.UNKNOWN, values), Command.HELP, Command.PLAY);
    }

    OutboundMessage unsupported(String language, String to) {
        return text(language, to, TextKey.UNSUPPORTED);
    }

    /** A command for a mechanic this campaign leaves out (or this release does not play yet). */
    OutboundMessage notAvailable(String language, String to) {
        return buttons(language, to, render(language, TextKey.NOT_AVAILABLE, values(personal.name(), personal.points())), Command.PLAY);
    }

    /**
     * The games menu (PLAY): a list message with one row per game the campaign has, each row's id the
     * command it gives ({@code cmd:QUIZ}), so a tap works like the typed keyword.
     */
    OutboundMessage menu(String language, String to, String name) {
        List<ListMessage.Row> rows = new ArrayList<>();
        addRow(rows, language, Mechanic.QUIZ, Command.QUIZ, TextKey.MENU_QUIZ, TextKey.MENU_QUIZ_DESCRIPTION);
        addRow(rows, language, Mechanic.SPIN, Command.SPIN, TextKey.MENU_SPIN, TextKey.MENU_SPIN_DESCRIPTION);
        addRow(rows, language, Mechanic.SPIN, Command.REWARDS, TextKey.MENU_REWARDS,
                TextKey.MENU_REWARDS_DESCRIPTION);
        addRow(rows, language, Mechanic.CORE, Command.POINTS, TextKey.MENU_POINTS, TextKey.MENU_POINTS_DESCRIPTION);
        addRow(rows, language, Mechanic.BADGES, Command.BADGES, TextKey.MENU_BADGES,
                TextKey.MENU_BADGES_DESCRIPTION);
        addRow(rows, language, Mechanic.LEADERBOARD, Command.TOP, TextKey.MENU_TOP, TextKey.MENU_TOP_DESCRIPTION);
        addRow(rows, language, Mechanic.CORE, Command.REFER, TextKey.MENU_REFER, TextKey.MENU_REFER_DESCRIPTION);
        String button = render(language, TextKey.MENU_BUTTON, Map.of());
        return new ListMessage(to, null, render(language, TextKey.MENU_BODY, values(name, personal.points())), null, button,
                List.of(new ListMessage.Section(button, rows)));
    }

    /** LANG without a language: the question, one button per language, each titled in its own language. */
    OutboundMessage languagePrompt(String language, String to) {
        List<ButtonMessage.Button> buttons = new ArrayList<>();
        for (String code : campaign.languages()) {
            if (buttons.size() < 3) { // a campaign speaks at most en, fr and ar: three buttons
                buttons.add(new ButtonMessage.Button(CommandIds.ofLanguage(code),
                        render(code, TextKey.LANGUAGE_NAME, Map.of())));
            }
        }
        return new ButtonMessage(to, null, render(language, TextKey.LANG_PROMPT, values(personal.name(), personal.points())), null, buttons);
    }

    /** LANG with a language: confirmed in that language. */
    OutboundMessage languageChanged(String language, String to) {
        return buttons(language, to, render(language, TextKey.LANG_DONE, values(personal.name(), personal.points())), Command.PLAY,
                Command.HELP);
    }

    /**
     * The name to greet with: the profile name without surrounding spaces, cut to {@value #NAME_MAX}
     * code points, or null when it holds no letter (absent, blank, emoji or punctuation only), so the
     * neutral greeting is used rather than "Hello 🌸," or "Hello null,".
     */
    static String displayName(String profileName) {
        if (profileName == null) {
            return null;
        }
        String name = profileName.strip();
        if (name.codePoints().noneMatch(Character::isLetter)) {
            return null;
        }
        return cut(name, NAME_MAX, "");
    }

    /**
     * The customer's words as quoted back: at most {@value #QUOTE_MAX} code points followed by "…" when
     * longer, never splitting a surrogate pair; a lone surrogate (not encodable in UTF-8) becomes U+FFFD.
     */
    static String quote(String said) {
        String text = said == null ? "" : said;
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            clean.appendCodePoint(cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE ? 0xFFFD : cp);
        }
        return cut(clean.toString(), QUOTE_MAX, ELLIPSIS);
    }

    private static String cut(String s, int max, String mark) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max)) + mark;
    }


    private void addRow(List<ListMessage.Row> rows, String language, Mechanic mechanic, Command command,
                        TextKey title, TextKey description) {
        if (campaign.has(mechanic)) {
            rows.add(new ListMessage.Row(CommandIds.of(command), render(language, title, Map.of()),
                    render(language, description, Map.of())));
        }
    }

    /** One text with the common values (business, neutral name) and {@code extra}: for notices and lines. */
    String line(String language, TextKey key, Map<String, String> extra) {
        Map<String, String> values = values(personal.name(), personal.points());
        values.putAll(extra);
        return render(language, key, values);
    }

    /** Buttons for the commands given, titled in {@code language}, under {@code body}. */
    OutboundMessage withButtons(String language, String to, String body, Command... commands) {
        return buttons(language, to, body, commands);
    }

    private String render(String language, TextKey key, Map<String, String> values) {
        return campaign.texts().render(language, key, values);
    }

    private OutboundMessage text(String language, String to, TextKey key) {
        return new TextMessage(to, render(language, key, values(personal.name(), personal.points())));
    }

    private OutboundMessage buttons(String language, String to, String body, Command... commands) {
        List<ButtonMessage.Button> buttons = new ArrayList<>();
        for (Command c : commands) {
            if (offered(c)) {
                buttons.add(new ButtonMessage.Button(CommandIds.of(c), render(language, BUTTON_TITLES.get(c), Map.of())));
            }
        }
        if (buttons.isEmpty()) {
            // Every game the text pointed to is off in this campaign: the menu is always there.
            buttons.add(new ButtonMessage.Button(CommandIds.of(Command.PLAY),
                    render(language, BUTTON_TITLES.get(Command.PLAY), Map.of())));
        }
        return new ButtonMessage(to, null, body, null, buttons);
    }

    /** Whether a button for {@code command} leads somewhere: a game the campaign does not run gets none. */
    private boolean offered(Command command) {
        return switch (command) {
            case QUIZ -> campaign.quiz().isPresent();
            case SPIN -> campaign.spin().isPresent();
            case TOP -> campaign.leaderboard().isPresent();
            case BADGES -> !campaign.badges().isEmpty();
            case REWARDS, REDEEM -> campaign.spin().isPresent()
                    || campaign.has(io.playloop.campaign.Mechanic.CATALOGUE);
            default -> true;
        };
    }

    /**
     * The values every text may use; the name and tier isolated; an absent name or tier takes the campaign's
     * neutral text.
     */
    private Map<String, String> values(String name, long points) {
        Map<String, String> values = new HashMap<>();
        values.put("business", business);
        values.put("points", Long.toString(points));
        if (name != null) {
            values.put("name", isolate(name));
        }
        if (personal.tier() != null) {
            values.put("tier", isolate(personal.tier()));
        }
        if (personal.lastProduct() != null && !personal.lastProduct().isBlank()) {
            values.put("last_product", isolate(quote(personal.lastProduct())));
        }
        return values;
    }

    private static String join(String... paragraphs) {
        return String.join(PARAGRAPH, paragraphs);
    }

    static String isolate(String value) {
        return BidiIsolate.of(value);
    }
}
