package io.playloop.engine;

import io.playloop.whatsapp.inbound.InboundMessage;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an inbound message into an {@link Intent}:
 * <ul>
 *   <li>a tapped button or list row ({@code interactive}) or template quick reply ({@code button}) whose
 *       id is exactly one PlayLoop sends ({@code cmd:START}, ...) is that command; any other id is
 *       untrusted noise and the tapped title (else the text) is matched as if typed;</li>
 *   <li>typed text is a command when the whole normalised message is one of its keyword phrases, or,
 *       for a message of at most {@value #MAX_WORDS_FOR_FIRST_WORD} words, when its first word is (except
 *       for the catalogue's {@code wholeMessageOnly} commands: "start a new order" is no opt-in);
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

    private final MessageCatalog catalog;

    IntentResolver(MessageCatalog catalog) {
        this.catalog = catalog;
    }

    Resolution resolve(InboundMessage message) {
        String type = message.type();
        if ("text".equals(type)) {
            return matchText(message.text(), false);
        }
        if (TAP_TYPES.contains(type)) {
            Optional<Command> command = Command.fromReplyId(message.replyId());
            if (command.isPresent()) {
                return new Resolution(command.get().intent(), Set.of(), true, message.replyTitle());
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
    Optional<KeywordMatch> match(String text) {
        String normalized = TextNormalizer.normalize(text);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        Optional<KeywordMatch> whole = catalog.keyword(normalized);
        if (whole.isPresent()) {
            return whole;
        }
        String[] words = TextNormalizer.words(normalized);
        if (words.length > 1 && words.length <= MAX_WORDS_FOR_FIRST_WORD) {
            return catalog.keyword(TextNormalizer.normalize(words[0]))
                    .filter(k -> catalog.matchesFirstWord(k.command()));
        }
        return Optional.empty();
    }

    private Resolution matchText(String text, boolean tapped) {
        if (text == null) {
            return new Resolution(Intent.UNSUPPORTED, Set.of(), tapped, null);
        }
        return match(text)
                .map(k -> new Resolution(k.command().intent(), k.languages(), tapped, text))
                .orElseGet(() -> new Resolution(Intent.UNKNOWN, Set.of(), tapped, text));
    }

    private static Resolution unreadable(InboundMessage message) {
        return new Resolution(Intent.UNSUPPORTED, Set.of(), TAP_TYPES.contains(message.type()), null);
    }
}
