package io.playloop.engine;

import io.playloop.whatsapp.outbound.ButtonMessage;
import io.playloop.whatsapp.outbound.OutboundMessage;
import io.playloop.whatsapp.outbound.TextMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the replies from catalogue texts. Chat etiquette: whatever one inbound message calls for is
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
    private static final String ISOLATE_START = "\u2068";
    private static final String ISOLATE_END = "\u2069";
    private static final String ELLIPSIS = "…";

    private final MessageCatalog catalog;
    private final String business;

    Replies(MessageCatalog catalog, String businessName) {
        this.catalog = catalog;
        this.business = isolate(businessName);
    }

    /**
     * The first-contact message: greeting, then the answer to a command the first message already gave,
     * then what PlayLoop does and (unless START or STOP already answered it) the consent question.
     *
     * @param command the command of the first message, or null when it was none
     */
    OutboundMessage welcome(String language, String to, String name, long points, Command command) {
        LanguagePack pack = catalog.language(language);
        Map<String, String> values = values(points);
        String greeting = name != null
                ? pack.render(TextKey.GREETING_NAMED, with(values, "name", isolate(name)))
                : pack.render(TextKey.GREETING_ANONYMOUS, values);
        String commands = pack.render(TextKey.WELCOME_COMMANDS, values);
        String consent = pack.render(TextKey.WELCOME_CONSENT, values);
        if (command == Command.STOP) {
            return new TextMessage(to, join(greeting, pack.render(TextKey.STOP_CONFIRMED, values)));
        }
        if (command == Command.START) {
            return buttons(pack, to, join(greeting, commands, pack.render(TextKey.START_CONFIRMED, values)),
                    Command.POINTS, Command.HELP);
        }
        List<String> parts = new ArrayList<>();
        parts.add(greeting);
        if (command == Command.POINTS) {
            parts.add(pack.render(TextKey.POINTS_BALANCE, values, points));
        }
        parts.add(commands);
        parts.add(consent);
        return buttons(pack, to, join(parts.toArray(String[]::new)), Command.START, Command.POINTS, Command.HELP);
    }

    /** The answer to HELP: the commands, with buttons for POINTS and for whichever of START/STOP applies. */
    OutboundMessage help(String language, String to, boolean consented) {
        LanguagePack pack = catalog.language(language);
        return buttons(pack, to, pack.render(TextKey.HELP, values(0)), Command.POINTS,
                consented ? Command.STOP : Command.START);
    }

    OutboundMessage points(String language, String to, long points) {
        return new TextMessage(to, catalog.language(language).render(TextKey.POINTS_BALANCE, values(points), points));
    }

    OutboundMessage startConfirmed(String language, String to) {
        return text(language, to, TextKey.START_CONFIRMED);
    }

    OutboundMessage startAlready(String language, String to) {
        return text(language, to, TextKey.START_ALREADY);
    }

    OutboundMessage stopConfirmed(String language, String to) {
        return text(language, to, TextKey.STOP_CONFIRMED);
    }

    /** "Didn't understand" quoting the customer's words (cut to {@value #QUOTE_MAX} code points), with HELP. */
    OutboundMessage unknown(String language, String to, String said) {
        LanguagePack pack = catalog.language(language);
        String body = pack.render(TextKey.UNKNOWN, with(values(0), "quote", isolate(quote(said))));
        return buttons(pack, to, body, Command.HELP);
    }

    OutboundMessage unsupported(String language, String to) {
        return text(language, to, TextKey.UNSUPPORTED);
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

    private OutboundMessage text(String language, String to, TextKey key) {
        return new TextMessage(to, catalog.language(language).render(key, values(0)));
    }

    private static OutboundMessage buttons(LanguagePack pack, String to, String body, Command... commands) {
        List<ButtonMessage.Button> buttons = new ArrayList<>();
        for (Command c : commands) {
            buttons.add(new ButtonMessage.Button(c.replyId(), pack.buttons().get(c)));
        }
        return new ButtonMessage(to, null, body, null, buttons);
    }

    private Map<String, String> values(long points) {
        Map<String, String> values = new HashMap<>();
        values.put("business", business);
        values.put("points", Long.toString(points));
        return values;
    }

    private static Map<String, String> with(Map<String, String> values, String key, String value) {
        values.put(key, value);
        return values;
    }

    private static String join(String... paragraphs) {
        return String.join(PARAGRAPH, paragraphs);
    }

    private static String isolate(String value) {
        return ISOLATE_START + value + ISOLATE_END;
    }
}
