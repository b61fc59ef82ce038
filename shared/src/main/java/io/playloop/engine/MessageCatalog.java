package io.playloop.engine;

import io.playloop.text.LanguageDefaults;

/**
 * The name tests and older callers know for {@link LanguageDefaults#bundled()}: the message catalogue's texts
 * and plural rules are gone (campaign texts are the one text system, {@code io.playloop.text}); what is left is
 * calling codes and scripts to languages and the whole-message-only commands.
 */
public final class MessageCatalog {
    private MessageCatalog() {
    }

    /** The language defaults bundled with PlayLoop. */
    public static LanguageDefaults bundled() {
        return LanguageDefaults.bundled();
    }
}
