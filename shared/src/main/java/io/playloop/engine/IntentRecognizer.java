package io.playloop.engine;

import io.playloop.whatsapp.inbound.InboundMessage;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the intent of a message: a tapped button by its exact id (ids are untrusted: anything PlayLoop
 * did not send is ignored), else the typed text by catalogue lookup (the whole message, or the first
 * word of a message of at most four words: "stop please", "points?").
 */
final class IntentRecognizer {
    static final int MAX_WORDS_FOR_FIRST_WORD_MATCH = 4;

    private IntentRecognizer() {
    }

    static Recognition recognize(MessageCatalog catalog, InboundMessage message) {
        if (message.replyId() != null) {
            Optional<Intent> tapped = Intent.fromButtonId(message.replyId());
            if (tapped.isPresent()) {
                return new Recognition(tapped.get(), Set.of(), true);
            }
        }
        String typed = message.text() != null ? message.text() : message.replyTitle();
        String normalised = TextNormalizer.normalize(typed);
        if (normalised.isEmpty()) {
            return Recognition.NONE;
        }
        Recognition whole = lookup(catalog, normalised);
        if (whole != Recognition.NONE) {
            return whole;
        }
        String[] words = normalised.split(" ");
        if (words.length > 1 && words.length <= MAX_WORDS_FOR_FIRST_WORD_MATCH) {
            return lookup(catalog, TextNormalizer.normalize(words[0]));
        }
        return Recognition.NONE;
    }

    private static Recognition lookup(MessageCatalog catalog, String phrase) {
        Map<Intent, Set<String>> found = catalog.keyword(phrase);
        if (found.isEmpty()) {
            return Recognition.NONE;
        }
        Map.Entry<Intent, Set<String>> only = found.entrySet().iterator().next();
        return new Recognition(only.getKey(), Set.copyOf(only.getValue()), false);
    }

    static boolean isArabicScript(String text) {
        if (text == null) {
            return false;
        }
        return text.codePoints().anyMatch(cp -> Character.isLetter(cp)
                && Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC);
    }
}
