package io.playloop.engine;

/** Keywords and texts per language (en, fr, ar), loaded from a resource: no keyword lives in code. */
public final class MessageCatalog {
    /** Loads the catalogue bundled with PlayLoop. */
    public static MessageCatalog bundled() {
        throw new UnsupportedOperationException("catalog not implemented yet");
    }
}
