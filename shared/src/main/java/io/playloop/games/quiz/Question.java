package io.playloop.games.quiz;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One question of a campaign's bank, as the rules see it: ids only (the texts, in each language, live in
 * the campaign under the same ids).
 *
 * @param id            the question's id: 1 to 40 letters, digits, '.', '_' or '-' (it travels inside
 *                      button ids, see {@link OptionIds})
 * @param options       the option ids offered, in display order: 2 or 3 go out as reply buttons, 4 to 10
 *                      as a list message; same character rules as the id
 * @param correctOption the right option, one of {@code options}
 * @param points        the points a correct answer earns (0 to 1,000,000)
 */
public record Question(String id, List<String> options, String correctOption, int points) {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    /** Meta's limit on the rows of a list message. */
    public static final int MAX_OPTIONS = 10;
    /** Meta's limit on reply buttons. */
    public static final int MAX_BUTTONS = 3;

    public Question {
        options = options == null ? null : List.copyOf(options);
        List<String> problems = problems(id, options, correctOption, points);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid question " + id + ": " + String.join("; ", problems));
        }
    }

    /** How the question goes out. */
    public enum Format {
        /** 2 or 3 reply buttons. */
        BUTTONS,
        /** A list message of 4 to 10 rows. */
        LIST
    }

    /** Reply buttons for up to 3 options, a list message above. */
    public Format format() {
        return options.size() <= MAX_BUTTONS ? Format.BUTTONS : Format.LIST;
    }

    /**
     * Every problem with these fields, each as {@code field: reason} (e.g. {@code correct: 'd' is not one
     * of the options}); empty when the question is valid. For the campaign loader.
     */
    public static List<String> problems(String id, List<String> options, String correctOption, int points) {
        List<String> problems = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            problems.add("id: must be 1 to 40 letters, digits, '.', '_' or '-'");
        }
        if (options == null || options.size() < 2 || options.size() > MAX_OPTIONS) {
            problems.add("options: a question needs 2 to " + MAX_OPTIONS + " options, has "
                    + (options == null ? 0 : options.size()));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < options.size(); i++) {
                String option = options.get(i);
                if (option == null || !ID.matcher(option).matches()) {
                    problems.add("options[" + i + "]: must be 1 to 40 letters, digits, '.', '_' or '-'");
                } else if (!seen.add(option)) {
                    problems.add("options[" + i + "]: '" + option + "' is offered twice");
                }
            }
            if (correctOption == null || !options.contains(correctOption)) {
                problems.add("correct: '" + correctOption + "' is not one of the options");
            }
        }
        if (points < 0 || points > 1_000_000) {
            problems.add("points: must be 0 to 1000000, was " + points);
        }
        return problems;
    }
}
