package io.playloop.store;

import io.playloop.games.quiz.AskedQuestion;
import io.playloop.games.quiz.QuizSession;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Item layout of a customer's quiz session ({@code sk=QUIZ}); instants in epoch milliseconds. */
final class QuizItems {
    static final String VERSION = "version";

    private QuizItems() {
    }

    static Map<String, AttributeValue> item(String customerKey, QuizSession s, long version) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.quiz(customerKey));
        s.current().ifPresent(q -> {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("id", StoreItems.s(q.questionId()));
            m.put("round", StoreItems.n(q.round()));
            m.put("options", AttributeValue.fromL(q.options().stream().map(StoreItems::s).toList()));
            m.put("correct", StoreItems.s(q.correctOption()));
            m.put("points", StoreItems.n(q.points()));
            m.put("askedAt", StoreItems.n(q.askedAt().toEpochMilli()));
            m.put("closesAt", StoreItems.n(q.closesAt().toEpochMilli()));
            q.answeredWith().ifPresent(a -> m.put("answer", StoreItems.s(a)));
            item.put("current", AttributeValue.fromM(m));
        });
        item.put("recent", AttributeValue.fromL(s.recent().stream().map(StoreItems::s).toList()));
        if (s.day() != null) {
            item.put("day", StoreItems.s(s.day().toString()));
        }
        item.put("askedToday", StoreItems.n(s.askedToday()));
        item.put("rounds", StoreItems.n(s.rounds()));
        item.put("score", StoreItems.n(s.score()));
        item.put("correctAnswers", StoreItems.n(s.correctAnswers()));
        item.put("answers", StoreItems.n(s.answers()));
        item.put("streak", StoreItems.n(s.streak()));
        item.put("bestStreak", StoreItems.n(s.bestStreak()));
        item.put(VERSION, StoreItems.n(version));
        return item;
    }

    static QuizState state(Map<String, AttributeValue> item) {
        Optional<AskedQuestion> current = Optional.ofNullable(item.get("current")).map(AttributeValue::m).map(m ->
                new AskedQuestion(m.get("id").s(), num(m, "round"),
                        m.get("options").l().stream().map(AttributeValue::s).toList(), m.get("correct").s(),
                        (int) num(m, "points"), Instant.ofEpochMilli(num(m, "askedAt")),
                        Instant.ofEpochMilli(num(m, "closesAt")),
                        Optional.ofNullable(m.get("answer")).map(AttributeValue::s)));
        List<String> recent = item.get("recent").l().stream().map(AttributeValue::s).toList();
        LocalDate day = item.containsKey("day") ? LocalDate.parse(item.get("day").s()) : null;
        QuizSession session = new QuizSession(current, recent, day, (int) num(item, "askedToday"),
                num(item, "rounds"), num(item, "score"), (int) num(item, "correctAnswers"),
                (int) num(item, "answers"), (int) num(item, "streak"), (int) num(item, "bestStreak"));
        return new QuizState(session, num(item, VERSION));
    }

    private static long num(Map<String, AttributeValue> m, String name) {
        return Long.parseLong(m.get(name).n());
    }
}
