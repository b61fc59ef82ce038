package io.playloop.campaign;

import io.playloop.text.TextNormalizer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keywords of every command per language, as the campaign writes them
 * ({@code keywords.fr.STOP: [arrêt, stop]}).
 *
 * @param byLanguage language to command to phrases (as written, not normalised)
 */
public record Keywords(Map<String, Map<Command, List<String>>> byLanguage) {
    public Keywords {
        Map<String, Map<Command, List<String>>> copy = new HashMap<>();
        byLanguage.forEach((language, byCommand) -> {
            Map<Command, List<String>> commands = new EnumMap<>(Command.class);
            byCommand.forEach((command, phrases) -> commands.put(command, List.copyOf(phrases)));
            copy.put(language, Collections.unmodifiableMap(commands));
        });
        byLanguage = Map.copyOf(copy);
    }

    /** The phrases of {@code command} in {@code language}, as written. */
    public List<String> phrases(String language, Command command) {
        return byLanguage.getOrDefault(language, Map.of()).getOrDefault(command, List.of());
    }

    /**
     * The lookup the engine matches messages with: each phrase in its {@link TextNormalizer normalised}
     * form, to the command and the languages it is a keyword of. Build it once per campaign. The loader
     * guarantees a normalised phrase names one command only.
     */
    public Map<String, Match> index() {
        Map<String, Match> index = new HashMap<>();
        byLanguage.forEach((language, byCommand) -> byCommand.forEach((command, phrases) -> {
            for (String phrase : phrases) {
                String normalised = TextNormalizer.normalize(phrase);
                Match existing = index.get(normalised);
                Set<String> languages = new LinkedHashSet<>(existing == null ? Set.of() : existing.languages());
                languages.add(language);
                index.put(normalised, new Match(command, languages));
            }
        }));
        return Map.copyOf(index);
    }

    /**
     * A keyword's command and the languages it belongs to (several when shared, like "points").
     *
     * @param command   the command
     * @param languages the languages in which the phrase is a keyword of it
     */
    public record Match(Command command, Set<String> languages) {
        public Match {
            languages = Set.copyOf(languages);
        }
    }
}
