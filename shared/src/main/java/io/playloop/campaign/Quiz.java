package io.playloop.campaign;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The quiz: a question bank and its pace.
 *
 * @param dailyLimit      questions a customer may answer per local day
 * @param answerTimeLimit a question not answered within this time is closed
 * @param order           which question comes next
 * @param questions       the bank
 */
public record Quiz(int dailyLimit, Duration answerTimeLimit, QuestionOrder order, List<Question> questions) {
    public static final int DEFAULT_DAILY_LIMIT = 3;
    public static final Duration DEFAULT_ANSWER_TIME_LIMIT = Duration.ofMinutes(10);

    public Quiz {
        Objects.requireNonNull(answerTimeLimit, "answerTimeLimit");
        Objects.requireNonNull(order, "order");
        questions = List.copyOf(questions);
    }

    /** The question with this id (ids from the table or a tap are untrusted). */
    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }
}
