package io.playloop.engine;

import io.playloop.campaign.Command;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link IntentResolver} made of one inbound message.
 *
 * @param intent           what the message means
 * @param keywordLanguages the languages of the keyword that matched; empty when no keyword did (a tapped
 *                         id, unknown text, a non-text message)
 * @param tapped           true when the customer tapped a button or list row (consent source "button")
 * @param text             the customer's own words that were matched (typed text, or a tapped title), as
 *                         received; null for messages without text
 * @param chosenLanguage   for LANG, the language the customer named or tapped ({@code LANG fr}); else null
 */
record Resolution(Intent intent, Set<String> keywordLanguages, boolean tapped, String text, String chosenLanguage) {
    Resolution {
        keywordLanguages = Set.copyOf(keywordLanguages);
    }

    Resolution(Intent intent, Set<String> keywordLanguages, boolean tapped, String text) {
        this(intent, keywordLanguages, tapped, text, null);
    }

    /** The command, when the intent is one. */
    Optional<Command> command() {
        return Command.fromName(intent.name());
    }
}
