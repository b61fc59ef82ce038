package io.playloop.mechanic;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A command a mechanic answers: its id ({@code SCRATCH}, tapped as {@code cmd:SCRATCH}), its default keywords per
 * language (whole messages; the campaign may replace them), and the text keys of its button title and of its PLAY
 * menu row (title and description).
 *
 * @param id              upper-case letters, digits and {@code _}
 * @param keywords        language to the whole messages that ask for it
 * @param buttonKey       the text of a button offering it (at most 20 characters)
 * @param menuTitleKey    the title of its PLAY menu row (at most 24 characters)
 * @param menuDescriptionKey the description of its PLAY menu row (at most 72 characters)
 */
public record CommandSpec(String id, Map<String, List<String>> keywords, String buttonKey, String menuTitleKey,
                          String menuDescriptionKey) {
    /** Prefix of a tapped command's id, the same as the engine's own commands. */
    public static final String TAP_PREFIX = "cmd:";

    public CommandSpec {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Z][A-Z0-9_]{0,23}")) {
            throw new IllegalArgumentException("a command id is upper-case letters, digits and _: " + id);
        }
        keywords = Map.copyOf(keywords);
        Objects.requireNonNull(buttonKey, "buttonKey");
        Objects.requireNonNull(menuTitleKey, "menuTitleKey");
        Objects.requireNonNull(menuDescriptionKey, "menuDescriptionKey");
    }

    /** The id a tap on its button or menu row carries. */
    public String tapId() {
        return TAP_PREFIX + id;
    }
}
