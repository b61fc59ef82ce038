package io.playloop.engine;

import java.util.Set;

/**
 * What a message was recognised as.
 *
 * @param intent    the intent (UNKNOWN when nothing matched)
 * @param languages the languages the matching keyword belongs to (empty for a tapped button or no match)
 * @param tapped    true when it came from a button or list row PlayLoop sent
 */
record Recognition(Intent intent, Set<String> languages, boolean tapped) {
    static final Recognition NONE = new Recognition(Intent.UNKNOWN, Set.of(), false);
}
