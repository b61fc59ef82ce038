package io.playloop.games.quiz;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The question last sent to a customer, with what is needed to judge the answer even if the campaign's
 * bank changes meanwhile.
 *
 * @param questionId    the question
 * @param round         this customer's question counter when it was sent (1 for the first question
 *                      ever): it goes into the button ids, so a button from an earlier sending of the same
 *                      question is recognised as closed
 * @param options       the option ids offered
 * @param correctOption the right option
 * @param points        the points a correct answer earns
 * @param askedAt       when it was sent
 * @param closesAt      when it stops taking answers
 * @param answeredWith  the option the customer chose, once answered
 */
public record AskedQuestion(String questionId, long round, List<String> options, String correctOption, int points,
                            Instant askedAt, Instant closesAt, Optional<String> answeredWith) {
    public AskedQuestion {
        Objects.requireNonNull(questionId, "questionId");
        options = List.copyOf(options);
        Objects.requireNonNull(correctOption, "correctOption");
        Objects.requireNonNull(askedAt, "askedAt");
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(answeredWith, "answeredWith");
    }

    /** True while an answer would still be taken at {@code now}: unanswered and before {@code closesAt}. */
    public boolean openAt(Instant now) {
        return answeredWith.isEmpty() && now.isBefore(closesAt);
    }

    /**
     * The event id under which a correct answer's points are granted in the ledger: one per sending, so
     * the ledger refuses to pay the same question twice whatever happens to the session.
     */
    public String awardEventId() {
        return "quiz:" + round + ":" + questionId;
    }

    /** The signed button or row ids for this sending, in option order. */
    public List<String> optionIds(OptionIds ids, String customerKey) {
        return options.stream().map(o -> ids.sign(customerKey, questionId, round, o)).toList();
    }

    AskedQuestion answered(String option) {
        return new AskedQuestion(questionId, round, options, correctOption, points, askedAt, closesAt,
                Optional.of(option));
    }
}
