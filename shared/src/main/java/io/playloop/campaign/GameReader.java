package io.playloop.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.text.TextNormalizer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads the games: the quiz and the wheel. */
final class GameReader {
    static final int QUESTIONS_MAX = 500;
    static final int DAILY_LIMIT_MAX = 50;
    static final Duration ANSWER_TIME_MIN = Duration.ofSeconds(30);
    static final Duration ANSWER_TIME_MAX = Duration.ofDays(7);
    static final int PRIZES_MIN = 2;
    static final int PRIZES_MAX = 10;
    static final long WEIGHT_MAX = 1_000_000;
    static final long BUDGET_MAX = 10_000_000;
    static final Duration COOLDOWN_MIN = Duration.ofMinutes(1);
    static final Duration COOLDOWN_MAX = Duration.ofDays(30);
    static final Duration VALID_FOR_MIN = Duration.ofDays(1);
    static final Duration VALID_FOR_MAX = Duration.ofDays(365);

    private final Problems problems;
    private final TextReader texts;

    GameReader(Problems problems, TextReader texts) {
        this.problems = problems;
        this.texts = texts;
    }

    Quiz quiz(Fields quiz, PointsRules points) {
        int dailyLimit = (int) quiz.integer("daily_limit", Quiz.DEFAULT_DAILY_LIMIT, 1, DAILY_LIMIT_MAX);
        Duration answerTime = quiz.duration("answer_time_limit", Quiz.DEFAULT_ANSWER_TIME_LIMIT, ANSWER_TIME_MIN,
                ANSWER_TIME_MAX);
        QuestionOrder order = quiz.enumValue("order", QuestionOrder.class, QuestionOrder.RANDOM);
        if (!quiz.has("questions")) {
            quiz.problem("questions", "missing: a quiz needs at least one question");
        }
        List<Question> questions = new ArrayList<>();
        Ids ids = new Ids();
        for (Fields question : quiz.objects("questions", 1, QUESTIONS_MAX)) {
            questions.add(question(question, ids, points));
        }
        quiz.finish();
        return new Quiz(dailyLimit, answerTime, order, questions);
    }

    private Question question(Fields question, Ids ids, PointsRules points) {
        String id = ids.unique(question, Ids.ITEM, Ids.ITEM_RULE);
        LocalizedText text = texts.required(question, "text", TextKind.BODY, "");
        List<QuizOption> options = options(question);
        String correct = question.requiredText("correct");
        if (!correct.isEmpty() && !options.isEmpty() && options.stream().noneMatch(o -> o.id().equals(correct))) {
            question.problem("correct", "'" + correct + "' is not one of the options ("
                    + String.join(", ", options.stream().map(QuizOption::id).toList()) + ")");
        }
        OptionalLong own = question.optionalInteger("points", 0, CampaignReader.POINTS_MAX);
        long worth = 0;
        if (own.isPresent()) {
            worth = own.getAsLong();
        } else if (points.quizCorrect().isPresent()) {
            worth = points.quizCorrect().get().points();
        } else if (!question.has("points")) {
            question.problem("points", "missing, and points.earn has no quiz_correct rule to take it from");
        }
        question.finish();
        return new Question(id, text, options, correct, worth);
    }

    private List<QuizOption> options(Fields question) {
        JsonNode raw = question.raw("options");
        if (raw == null) {
            question.problem("options", "missing: a question needs " + Question.MIN_OPTIONS + " to "
                    + Question.MAX_OPTIONS + " options");
            return List.of();
        }
        int count = raw.isArray() ? raw.size() : 0;
        if (raw.isArray() && count < Question.MIN_OPTIONS) {
            question.problem("options", count + (count == 1 ? " option" : " options") + ", a question needs at least "
                    + Question.MIN_OPTIONS);
        } else if (count > Question.MAX_OPTIONS) {
            question.problem("options", count + " options, a list message holds at most " + Question.MAX_OPTIONS);
        }
        boolean buttons = count <= Question.MAX_BUTTONS;
        TextKind kind = buttons ? TextKind.BUTTON : TextKind.ROW_TITLE;
        String why = buttons ? "(a question with 2–3 options goes out as reply buttons)"
                : "(a question with 4–10 options goes out as a list)";
        List<QuizOption> options = new ArrayList<>();
        Ids ids = new Ids();
        Map<String, String> seenTitles = new HashMap<>();
        for (Fields option : question.objects("options", 0, Integer.MAX_VALUE)) {
            String id = ids.unique(option, Ids.OPTION, Ids.OPTION_RULE);
            LocalizedText text = texts.required(option, "text", kind, why);
            text.byLanguage().forEach((language, title) -> {
                if (title.isEmpty()) {
                    return;
                }
                String first = seenTitles.putIfAbsent(language + "|" + TextNormalizer.normalize(title), option.path());
                if (first != null) {
                    problems.add(option.at("text") + "." + language, "'" + title + "' is also the text of " + first
                            + ": the customer could not tell them apart");
                }
            });
            option.finish();
            options.add(new QuizOption(id, text));
        }
        return options;
    }

    Spin spin(Fields spin) {
        Duration cooldown = spin.duration("cooldown", Spin.DEFAULT_COOLDOWN, COOLDOWN_MIN, COOLDOWN_MAX);
        long cost = spin.integer("cost", 0, 0, CampaignReader.POINTS_MAX);
        if (!spin.has("prizes")) {
            spin.problem("prizes", "missing: a wheel needs " + PRIZES_MIN + " to " + PRIZES_MAX + " prizes");
        }
        List<Prize> prizes = new ArrayList<>();
        Ids ids = new Ids();
        boolean weightsRead = true;
        for (Fields prize : spin.objects("prizes", PRIZES_MIN, PRIZES_MAX)) {
            prizes.add(prize(prize, ids));
            JsonNode weight = prize.raw("weight");
            weightsRead &= weight != null && weight.isIntegralNumber() && weight.canConvertToLong()
                    && weight.longValue() >= 0 && weight.longValue() <= WEIGHT_MAX;
        }
        if (!prizes.isEmpty() && weightsRead && prizes.stream().mapToLong(Prize::weight).sum() == 0) {
            spin.problem("prizes", "weights sum to 0: give at least one prize a weight > 0");
        }
        Optional<Prize> budgeted = prizes.stream().filter(p -> !p.budget().isUnlimited()).findFirst();
        if (budgeted.isPresent() && prizes.stream().noneMatch(p -> p.kind() == PrizeKind.TRY_AGAIN)) {
            spin.problem("prizes", "'" + budgeted.get().id() + "' has a budget, so the wheel needs a try_again prize"
                    + " to land on once it is spent");
        }
        spin.finish();
        return new Spin(cooldown, cost, prizes);
    }

    private Prize prize(Fields prize, Ids ids) {
        String id = ids.unique(prize, Ids.ITEM, Ids.ITEM_RULE);
        LocalizedText name = texts.required(prize, "name", TextKind.ROW_TITLE, "(prizes are list rows under REWARDS)");
        PrizeKind kind = prize.enumValue("kind", PrizeKind.class, null);
        long weight = prize.requiredInteger("weight", 0, WEIGHT_MAX);
        BigDecimal value = BigDecimal.ZERO;
        Budget budget = Budget.UNLIMITED;
        Duration validFor = Duration.ZERO;
        if (kind == null) {
            // Unknown kind (already reported): accept the kind-specific keys without more noise.
            prize.raw("value");
            prize.raw("budget");
            prize.raw("valid_for");
        } else if (kind == PrizeKind.TRY_AGAIN) {
            for (String key : List.of("value", "budget", "valid_for")) {
                if (prize.has(key)) {
                    prize.problem(key, "a try_again prize has no " + key.replace('_', ' '));
                }
            }
        } else {
            if (!prize.has("value")) {
                prize.problem("value", kind == PrizeKind.PERCENT_DISCOUNT
                        ? "missing: the percentage off, e.g. 10" : "missing: the points it adds, e.g. 20");
            } else if (kind == PrizeKind.PERCENT_DISCOUNT) {
                value = prize.decimal("value", BigDecimal.ZERO, BigDecimal.ZERO, false, BigDecimal.valueOf(100), 2);
            } else {
                value = BigDecimal.valueOf(prize.integer("value", 0, 1, CampaignReader.POINTS_MAX));
            }
            budget = budget(prize);
            if (kind == PrizeKind.PERCENT_DISCOUNT) {
                validFor = prize.duration("valid_for", Prize.DEFAULT_VALID_FOR, VALID_FOR_MIN, VALID_FOR_MAX);
            } else if (prize.has("valid_for")) {
                prize.problem("valid_for", "only a percent_discount prize has valid_for (bonus points expire"
                        + " with points.lot_expiry)");
            }
        }
        prize.finish();
        return new Prize(id, name, kind == null ? PrizeKind.TRY_AGAIN : kind, value, weight, budget, validFor);
    }

    private Budget budget(Fields prize) {
        Optional<Fields> section = prize.object("budget");
        if (section.isEmpty() || section.get().isAbsent()) {
            return Budget.UNLIMITED;
        }
        Fields budget = section.get();
        OptionalLong perDay = budget.optionalInteger("per_day", 1, BUDGET_MAX);
        OptionalLong total = budget.optionalInteger("total", 1, BUDGET_MAX);
        if (!budget.has("per_day") && !budget.has("total")) {
            prize.problem("budget", "give per_day, total or both (or leave budget out for no budget)");
        }
        if (perDay.isPresent() && total.isPresent() && perDay.getAsLong() > total.getAsLong()) {
            budget.problem("per_day", "must be <= total (" + total.getAsLong() + "), not " + perDay.getAsLong());
        }
        budget.finish();
        return new Budget(perDay, total);
    }
}
