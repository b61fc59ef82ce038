package io.playloop.engine;

import java.util.Set;

/**
 * A normalised keyword phrase and what it means.
 *
 * @param command   the command the phrase gives (a phrase means the same command in every language)
 * @param languages the languages whose keyword lists hold it: one for {@code aide}, two for {@code points}
 */
public record KeywordMatch(Command command, Set<String> languages) {
    public KeywordMatch {
        languages = Set.copyOf(languages);
    }
}
