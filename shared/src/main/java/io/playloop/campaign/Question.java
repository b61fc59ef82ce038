package io.playloop.campaign;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A quiz question.
 *
 * @param id      unique in the campaign; stored with each answer, so keep it when editing the text
 * @param text    the question per language
 * @param options 2 to 10 answers
 * @param correct the id of the right option
 * @param points  points for a right answer (the question's own, else {@code points.earn.quiz_correct})
 */
public record Question(String id, LocalizedText text, List<QuizOption> options, String correct, long points) {
    /** Up to this many options go out as reply buttons; more as a list message. */
    public static final int MAX_BUTTONS = 3;
    /** A list message holds at most this many rows. */
    public static final int MAX_OPTIONS = 10;
    public static final int MIN_OPTIONS = 2;

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(correct, "correct");
        options = List.copyOf(options);
    }

    /** How the question goes out: reply buttons for 2–3 options, a list message for more. */
    public Presentation presentation() {
        return options.size() <= MAX_BUTTONS ? Presentation.BUTTONS : Presentation.LIST;
    }

    /** The option with this id, if the question has one (ids from a customer's tap are untrusted). */
    public Optional<QuizOption> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    /** The right option. */
    public QuizOption correctOption() {
        return option(correct).orElseThrow();
    }

    /** The two ways a question can be asked. */
    public enum Presentation {
        BUTTONS, LIST
    }
}
