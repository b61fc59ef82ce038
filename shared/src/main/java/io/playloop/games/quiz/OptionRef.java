package io.playloop.games.quiz;

/**
 * What a verified option id says: this option of this sending of this question.
 *
 * @param questionId the question
 * @param round      the sending (see {@link AskedQuestion#round()})
 * @param option     the option tapped
 */
public record OptionRef(String questionId, long round, String option) {
}
