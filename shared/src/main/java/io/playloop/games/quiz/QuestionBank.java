package io.playloop.games.quiz;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A campaign's questions: at least one, ids unique. */
public record QuestionBank(List<Question> questions) {
    public QuestionBank {
        questions = List.copyOf(questions);
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("questions: a quiz needs at least one question");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            if (!ids.add(questions.get(i).id())) {
                throw new IllegalArgumentException("questions[" + i + "].id: '" + questions.get(i).id()
                        + "' is used by another question");
            }
        }
    }

    /** The question with this id, if the bank has it. */
    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /** How many questions the bank holds. */
    public int size() {
        return questions.size();
    }
}
