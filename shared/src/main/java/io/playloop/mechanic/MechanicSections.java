package io.playloop.mechanic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The campaign's sections of registered mechanics ({@link Mechanics}), each kept as written (so the campaign is
 * written back unchanged) and as read: the mechanic's configuration, its texts with the campaign's overrides and its
 * commands' keywords. A mechanic is active in a campaign when its section is there.
 *
 * <p>Besides what the mechanic reads, a section may hold {@code texts: {<language>: {<key>: text}}} and
 * {@code keywords: {<language>: [whole messages]}} (the keywords of its first command; they replace the defaults of
 * that language).
 */
public final class MechanicSections {
    /** A campaign without any. */
    public static final MechanicSections NONE = new MechanicSections(Map.of());

    /**
     * One active mechanic's section.
     *
     * @param mechanic the mechanic
     * @param raw      the section as written
     * @param config   what {@link Mechanic#readConfig} read
     * @param texts    its texts in this campaign
     * @param keywords per command id, language to its whole messages
     */
    public record Section(Mechanic<?, ?> mechanic, JsonNode raw, Object config, TextSpec.Rendered texts,
                          Map<String, Map<String, List<String>>> keywords) {
        public Section {
            Objects.requireNonNull(mechanic, "mechanic");
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(texts, "texts");
            keywords = Map.copyOf(keywords);
        }
    }

    private final Map<String, Section> sections;

    private MechanicSections(Map<String, Section> sections) {
        this.sections = Map.copyOf(sections);
    }

    /**
     * Reads the sections present among {@code tree}'s keys, for the registered mechanics.
     *
     * @param written  section name to its tree, for the names that are registered mechanics' ids
     * @param problems where problems go, with paths from the campaign's root ({@code scratch.prizes[0].weight})
     */
    public static MechanicSections read(Map<String, JsonNode> written, ConfigProblems problems) {
        Map<String, Section> read = new LinkedHashMap<>();
        written.forEach((id, node) -> {
            Mechanic<?, ?> mechanic = Mechanics.find(id).orElseThrow(
                    () -> new IllegalArgumentException("no registered mechanic " + id));
            ConfigProblems at = (path, reason) -> problems.add(path.isEmpty() ? id : id + "." + path, reason);
            if (node == null || !node.isObject()) {
                at.add("", "must be a mapping (key: value lines)");
                return;
            }
            ObjectNode own = ((ObjectNode) node).deepCopy();
            JsonNode texts = own.remove("texts");
            JsonNode keywords = own.remove("keywords");
            Object config = mechanic.readConfig(own, at);
            TextSpec.Rendered rendered = mechanic.texts().with(texts, at);
            read.put(id, new Section(mechanic, node, config == null ? own : config, rendered,
                    keywords(mechanic, keywords, at)));
        });
        return new MechanicSections(read);
    }

    private static Map<String, Map<String, List<String>>> keywords(Mechanic<?, ?> mechanic, JsonNode written,
                                                                   ConfigProblems problems) {
        Map<String, Map<String, List<String>>> all = new LinkedHashMap<>();
        for (CommandSpec command : mechanic.commands()) {
            all.put(command.id(), new LinkedHashMap<>(command.keywords()));
        }
        if (written == null || written.isNull() || mechanic.commands().isEmpty()) {
            return all;
        }
        if (!written.isObject()) {
            problems.add("keywords", "must be a mapping of languages to lists of whole messages");
            return all;
        }
        Map<String, List<String>> first = all.get(mechanic.commands().get(0).id());
        for (Iterator<Map.Entry<String, JsonNode>> it = written.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> language = it.next();
            List<String> phrases = new ArrayList<>();
            JsonNode list = language.getValue();
            if (!list.isArray() || list.isEmpty()) {
                problems.add("keywords." + language.getKey(), "must be a list of whole messages");
                continue;
            }
            list.forEach(p -> {
                if (!p.isTextual() || p.asText().isBlank()) {
                    problems.add("keywords." + language.getKey(), "every keyword must be a text");
                } else {
                    phrases.add(p.asText());
                }
            });
            first.put(language.getKey(), List.copyOf(phrases));
        }
        return all;
    }

    /** The active mechanics' sections, in registration order. */
    public List<Section> all() {
        List<Section> ordered = new ArrayList<>();
        for (Mechanic<?, ?> m : Mechanics.all()) {
            Optional.ofNullable(sections.get(m.id())).ifPresent(ordered::add);
        }
        return ordered;
    }

    public Optional<Section> get(String id) {
        return Optional.ofNullable(sections.get(id));
    }

    public boolean isEmpty() {
        return sections.isEmpty();
    }

    /** Section name to its tree as written, for the campaign writer. */
    public Map<String, JsonNode> written() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        all().forEach(s -> out.put(s.mechanic().id(), s.raw()));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MechanicSections other && written().equals(other.written());
    }

    @Override
    public int hashCode() {
        return written().hashCode();
    }

    @Override
    public String toString() {
        return "MechanicSections" + sections.keySet();
    }
}
