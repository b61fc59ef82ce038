package io.playloop.engine;

import io.playloop.text.LanguageDefaults;
import io.playloop.campaign.Campaign;
import io.playloop.campaign.Command;
import io.playloop.campaign.Keywords;
import io.playloop.text.TextNormalizer;
import io.playloop.whatsapp.inbound.InboundMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an inbound message into an {@link Intent}, with the active campaign's keywords:
 * <ul>
 *   <li>a tapped button or list row ({@code interactive}) or template quick reply ({@code button}) whose
 *       id is exactly one PlayLoop sends ({@code cmd:QUIZ}, {@code lang:fr}) is that command; any other
 *       id is untrusted noise and the tapped title (else the text) is matched as if typed;</li>
 *   <li>typed text is a command when the whole normalised message is one of its keyword phrases, or,
 *       for a message of at most {@value #MAX_WORDS_FOR_FIRST_WORD} words, when its first word is (except
 *       for the catalogue's {@code wholeMessageOnly} commands: "start a new order" is no opt-in);
 *       {@code LANG fr} / {@code LANGUE ar} / {@code lang français} names the language chosen;
 *       otherwise it is {@link Intent#UNKNOWN};</li>
 *   <li>{@code request_welcome} is {@link Intent#WELCOME}, {@code reaction} is {@link Intent#REACTION},
 *       {@code system} and {@code revoke} are {@link Intent#IGNORED}; every other type (image, sticker,
 *       audio, location, contacts, order, unsupported, ...) is {@link Intent#UNSUPPORTED}.</li>
 * </ul>
 */
final class IntentResolver {
    /** Longer messages are sentences, not commands: "stop sending me these" is not STOP. */
    static final int MAX_WORDS_FOR_FIRST_WORD = 4;

    private static final Set<String> TAP_TYPES = Set.of("interactive", "button");
    private static final Set<String> SILENT_TYPES = Set.of("system", "revoke");

    private final Campaign campaign;
    private final LanguageDefaults catalog;
    private final Map<String, Keywords.Match> keywords;
    /** Normalised language codes and names ("fr", "francais", "french"...) to the language code. */
    private final Map<String, String> languageNames;

    IntentResolver(Campaign campaign, LanguageDefaults catalog) {
        this.campaign = campaign;
        this.catalog = catalog;
        this.keywords = campaign.keywords().index();
        Map<String, String> names = new HashMap<>();
        for (String language : campaign.languages()) {
            names.put(TextNormalizer.normalize(language), language);
            String own = campaign.texts().template(language, io.playloop.campaign.TextKey.LANGUAGE_NAME);
            if (own != null) {
                names.putIfAbsent(TextNormalizer.normalize(own), language);
            }
        }
        this.languageNames = Map.copyOf(names);
    }

    Resolution resolve(InboundMessage message) {
        String type = message.type();
        if ("text".equals(type)) {
            return matchText(message.text(), false);
        }
        if (TAP_TYPES.contains(type)) {
            Optional<Command> command = CommandIds.command(message.replyId());
            if (command.isPresent()) {
                return new Resolution(Intent.valueOf(command.get().name()), Set.of(), true, message.replyTitle());
            }
            Optional<String> language = CommandIds.language(message.replyId())
                    .filter(campaign.languages()::contains);
            if (language.isPresent()) {
                return new Resolution(Intent.LANG, Set.of(), true, message.replyTitle(), language.get());
            }
            String fallback = message.replyTitle() != null ? message.replyTitle() : message.text();
            if (message.replyId() == null && message.replyTitle() == null) {
                return unreadable(message); // e.g. a Flows nfm_reply: no button, nothing to match
            }
            return matchText(fallback, true);
        }
        if ("request_welcome".equals(type)) {
            return new Resolution(Intent.WELCOME, Set.of(), false, null);
        }
        if ("reaction".equals(type)) {
            return new Resolution(Intent.REACTION, Set.of(), false, null);
        }
        if (SILENT_TYPES.contains(type)) {
            return new Resolution(Intent.IGNORED, Set.of(), false, null);
        }
        return unreadable(message);
    }

    /** The keyword that {@code text} is, by the whole-message or first-word rule. */
    Optional<Keywords.Match> match(String text) {
        String normalized = TextNormalizer.normalize(text);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        Keywords.Match whole = keywords.get(normalized);
        if (whole != null) {
            return Optional.of(whole);
        }
        String[] words = TextNormalizer.words(normalized);
        if (words.length > 1 && words.length <= MAX_WORDS_FOR_FIRST_WORD) {
            return Optional.ofNullable(keywords.get(TextNormalizer.normalize(words[0])))
                    .filter(k -> matchesFirstWord(k.command()));
        }
        return Optional.empty();
    }

    private boolean matchesFirstWord(Command command) {
        return catalog.matchesFirstWord(command.name());
    }

    private Resolution matchText(String text, boolean tapped) {
        if (text == null) {
            return new Resolution(Intent.UNSUPPORTED, Set.of(), tapped, null);
        }
        Optional<Keywords.Match> match = match(text);
        if (match.isEmpty()) {
            return new Resolution(Intent.UNKNOWN, Set.of(), tapped, text);
        }
        Keywords.Match k = match.get();
        Intent intent = Intent.valueOf(k.command().name());
        String chosen = intent == Intent.LANG ? chosenLanguage(text) : null;
        return new Resolution(intent, k.languages(), tapped, text, chosen);
    }

    /** The language named after the LANG keyword ("lang fr", "langue arabe" is not known: null). */
    private String chosenLanguage(String text) {
        String[] words = TextNormalizer.words(TextNormalizer.normalize(text));
        if (words.length < 2) {
            return null;
        }
        return languageNames.get(TextNormalizer.normalize(words[words.length - 1]));
    }

    private static Resolution unreadable(InboundMessage message) {
        return new Resolution(Intent.UNSUPPORTED, Set.of(), TAP_TYPES.contains(message.type()), null);
    }
}
