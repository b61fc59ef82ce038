package io.playloop.engine;

import io.playloop.campaign.Campaign;
import io.playloop.campaign.Command;
import io.playloop.campaign.EarnRule;
import io.playloop.campaign.Question;
import io.playloop.campaign.QuizOption;
import io.playloop.campaign.TextKey;
import io.playloop.games.quiz.AnswerOutcome;
import io.playloop.games.quiz.AnswerResult;
import io.playloop.games.quiz.AskResult;
import io.playloop.games.quiz.AskedQuestion;
import io.playloop.games.quiz.OptionIds;
import io.playloop.games.quiz.OptionRef;
import io.playloop.games.quiz.QuestionBank;
import io.playloop.games.quiz.QuizRules;
import io.playloop.games.quiz.QuizSession;
import io.playloop.ledger.EarningCap;
import io.playloop.ledger.LedgerResult;
import io.playloop.ledger.PointsAccount;
import io.playloop.text.TextNormalizer;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.outbound.ButtonMessage;
import io.playloop.whatsapp.outbound.ListMessage;
import io.playloop.whatsapp.outbound.OutboundMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The quiz as a customer plays it: QUIZ sends a question as reply buttons (2 or 3 options) or a list
 * (4 to 10) whose ids are signed for this customer and sending ({@link OptionIds}); a tap is judged by
 * its signed id, a correct answer grants the question's points once in the ledger (event id
 * {@link AskedQuestion#awardEventId()}, capped by the campaign's {@code quiz_correct} rule). A closed,
 * already answered or forged answer gets the polite "closed" text and changes nothing. Every step is
 * one message: the verdict and the way to the next question together.
 *
 * <h2>Taps</h2>
 * The signed option id alone decides: it binds the customer, the question and the sending (round), so a
 * double tap, a tap on an older sending's button or a retried webhook counts once and otherwise gets the
 * "closed" text. The {@code context.id} WhatsApp adds to a tap ({@link InboundMessage#contextId()}, the
 * wamid of the message the button was on) is informational only and never consulted: it is unsigned and
 * says nothing the signed id does not.
 *
 * <h2>Typed answers</h2>
 * Customers also type their answer. While a question is open (sent, unanswered, before its time limit) a
 * text message answers it when, after {@link TextNormalizer#normalize} of both sides, it is exactly
 * <ul>
 *   <li>an option's text as shown to the customer (their language, else the campaign's default): "mars",
 *       "MARS " and "Mars" are "Mars"; Arabic compares letter for letter after normalisation; or</li>
 *   <li>an option's position in the order the buttons or rows are shown, top to bottom, as a letter
 *       ({@code A}, {@code B}, ...) or a number ({@code 1}, {@code 2}, ...; Arabic-Indic digits too). The
 *       options carry no labels (a button title has 20 characters), so the position is the label a
 *       customer sees. An option's text wins over a position ("1" answers an option titled "1").</li>
 * </ul>
 * It is then judged exactly like a tap on that option ({@link QuizSession#answer(OptionRef, Instant)}) and
 * paid once under the same ledger event id. Commands and the campaign's earning keywords are matched
 * first (the engine only asks about text none of them took), and anything else typed, or any typed answer
 * once the question is answered or expired, is not an answer and is handled as ordinary text: only taps
 * get the "closed" text.
 */
final class QuizPlay {
    /** Ledger reason (and cap key) of quiz grants. */
    static final String REASON = "quiz.correct";
    /** How many recent questions a new one avoids. */
    private static final int NO_REPEAT_LAST = 5;
    private static final int DEFAULT_POINTS = 10;
    private static final String ID_PREFIX = "q:";

    /**
     * One quiz step.
     *
     * @param session the session to store, when it changed
     * @param points  the grant to store, when a correct answer earned points
     * @param reply   the one message to send
     */
    record Step(Optional<QuizSession> session, Optional<LedgerResult.Applied> points, OutboundMessage reply) {
    }

    private final Campaign campaign;
    private final QuestionBank bank;
    private final QuizRules rules;

    QuizPlay(Campaign campaign) {
        this.campaign = campaign;
        io.playloop.campaign.Quiz quiz = campaign.quiz().orElseThrow();
        List<io.playloop.games.quiz.Question> questions = new ArrayList<>();
        long fallbackPoints = campaign.points().quizCorrect().map(EarnRule::points).orElse((long) DEFAULT_POINTS);
        for (Question q : quiz.questions()) {
            long points = q.points() > 0 ? q.points() : fallbackPoints;
            questions.add(new io.playloop.games.quiz.Question(q.id(), q.options().stream().map(QuizOption::id).toList(),
                    q.correct(), (int) points));
        }
        this.bank = new QuestionBank(questions);
        this.rules = new QuizRules(quiz.dailyLimit(), Math.min(NO_REPEAT_LAST, questions.size() - 1),
                quiz.answerTimeLimit(), campaign.timeZone());
    }

    /** True when a tapped id has the shape of a quiz answer, signed or forged. */
    static boolean looksLikeAnswer(String replyId) {
        return replyId != null && replyId.startsWith(ID_PREFIX);
    }

    /** QUIZ: the open question again, a new one, or today's limit. */
    Step ask(QuizSession session, String customerKey, String language, String to, OptionIds ids,
             RandomGenerator random, Instant now) {
        AskResult result = session.ask(bank, rules, now, random);
        if (result instanceof AskResult.DailyLimitReached) {
            Map<String, String> values = Map.of("limit", Integer.toString(rules.dailyLimit()));
            return new Step(Optional.empty(), Optional.empty(), buttons(language, to,
                    render(language, TextKey.QUIZ_DAILY_LIMIT, values), Command.PLAY));
        }
        AskedQuestion asked = result instanceof AskResult.Asked a ? a.question()
                : ((AskResult.StillOpen) result).question();
        Optional<QuizSession> changed = result instanceof AskResult.Asked ? Optional.of(result.session())
                : Optional.empty();
        return new Step(changed, Optional.empty(),
                question(result.session(), asked, customerKey, language, to, ids));
    }

    /**
     * True when {@code message} is typed text that answers the question open at {@code now} (see the class
     * comment): the engine then treats it as an answer and calls {@link #answer(QuizSession, PointsAccount,
     * InboundMessage, String, String, String, OptionIds, Instant)}.
     *
     * @param language the customer's language (the one the question was shown in)
     */
    boolean isTypedAnswer(QuizSession session, InboundMessage message, String language, Instant now) {
        return typedAnswer(session, message, language, now).isPresent();
    }

    /**
     * An answer: a tapped option judged by its signed id, or typed text judged as a tap on the option it
     * names ({@link #isTypedAnswer}); typed text that names none gets the "closed" text, like a tap.
     */
    Step answer(QuizSession session, PointsAccount account, InboundMessage message, String customerKey,
                String language, String to, OptionIds ids, Instant now) {
        if (looksLikeAnswer(message.replyId())) {
            return answer(session, account, message.replyId(), customerKey, language, to, ids, now);
        }
        Optional<OptionRef> typed = typedAnswer(session, message, language, now);
        AnswerResult result = typed.isPresent() ? session.answer(typed.get(), now)
                : new AnswerResult(AnswerOutcome.CLOSED, session, 0, Optional.empty());
        return verdict(result, account, language, to, now);
    }

    /** A tapped quiz option: judged by its signed id. */
    Step answer(QuizSession session, PointsAccount account, String replyId, String customerKey, String language,
                String to, OptionIds ids, Instant now) {
        return verdict(session.answer(replyId, customerKey, ids, now), account, language, to, now);
    }

    /** The open question's option that typed text names, as a tap on it would name it. */
    private Optional<OptionRef> typedAnswer(QuizSession session, InboundMessage message, String language,
                                            Instant now) {
        if (!"text".equals(message.type()) || message.text() == null || session.current().isEmpty()
                || !session.current().get().openAt(now)) {
            return Optional.empty();
        }
        AskedQuestion open = session.current().get();
        String typed = TextNormalizer.normalize(message.text());
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        Optional<Question> question = campaign.quiz().orElseThrow().question(open.questionId());
        List<String> options = open.options();
        for (String option : options) {
            Optional<String> shown = question.flatMap(q -> q.option(option))
                    .map(o -> o.text().in(language, campaign.defaultLanguage()));
            if (shown.isPresent() && TextNormalizer.normalize(shown.get()).equals(typed)) {
                return Optional.of(new OptionRef(open.questionId(), open.round(), option));
            }
        }
        for (int i = 0; i < options.size(); i++) {
            String letter = String.valueOf((char) ('a' + i));
            if (typed.equals(letter) || typed.equals(Integer.toString(i + 1))) {
                return Optional.of(new OptionRef(open.questionId(), open.round(), options.get(i)));
            }
        }
        return Optional.empty();
    }

    private Step verdict(AnswerResult result, PointsAccount account, String language, String to, Instant now) {
        boolean more = result.session().questionsLeftToday(rules, now) > 0;
        Command next = more ? Command.QUIZ : Command.PLAY;
        return switch (result.outcome()) {
            case CORRECT -> {
                AskedQuestion answered = result.question().orElseThrow();
                Instant at = now;
                EarnRule rule = campaign.points().quizCorrect().orElse(null);
                EarningCap cap = rule == null ? EarningCap.none(REASON)
                        : new EarningCap(REASON, rule.cap().perDay(), rule.cap().perWeek());
                long earned = cap.grantable(result.points(), account.entries(), at, campaign.timeZone());
                Optional<LedgerResult.Applied> grant = Optional.empty();
                if (earned > 0 && account.grant(earned, REASON, answered.awardEventId(), at,
                        at.plus(campaign.points().lotExpiry())) instanceof LedgerResult.Applied applied) {
                    grant = Optional.of(applied);
                } else {
                    earned = 0;
                }
                Map<String, String> values = new HashMap<>();
                values.put("earned", Long.toString(earned));
                values.put("streak", Integer.toString(result.session().streak()));
                long balance = grant.map(g -> g.account().balance(now)).orElse(account.balance(now));
                values.put("points", Long.toString(balance));
                yield new Step(Optional.of(result.session()), grant,
                        buttons(language, to, render(language, TextKey.QUIZ_CORRECT, values), next));
            }
            case WRONG -> {
                AskedQuestion answered = result.question().orElseThrow();
                String answer = campaign.quiz().orElseThrow().question(answered.questionId())
                        .flatMap(q -> q.option(answered.correctOption()))
                        .map(o -> BidiIsolate.of(o.text().in(language, campaign.defaultLanguage())))
                        .orElse(answered.correctOption());
                yield new Step(Optional.of(result.session()), Optional.empty(),
                        buttons(language, to, render(language, TextKey.QUIZ_WRONG, Map.of("answer", answer)), next));
            }
            case CLOSED, NOT_OFFERED -> new Step(Optional.empty(), Optional.empty(),
                    buttons(language, to, render(language, TextKey.QUIZ_CLOSED, Map.of()), next));
        };
    }

    private OutboundMessage question(QuizSession session, AskedQuestion asked, String customerKey, String language,
                                     String to, OptionIds ids) {
        Question question = campaign.quiz().orElseThrow().question(asked.questionId()).orElseThrow(() ->
                new IllegalStateException("question " + asked.questionId() + " left the campaign while open"));
        Map<String, String> values = new HashMap<>();
        values.put("number", Integer.toString(Math.max(session.askedToday(), 1)));
        values.put("question", question.text().in(language, campaign.defaultLanguage()));
        String body = render(language, TextKey.QUIZ_QUESTION, values);
        List<String> optionIds = asked.optionIds(ids, customerKey);
        List<String> titles = asked.options().stream()
                .map(o -> question.option(o).map(opt -> opt.text().in(language, campaign.defaultLanguage()))
                        .orElse(o))
                .toList();
        if (optionIds.size() <= Question.MAX_BUTTONS) {
            List<ButtonMessage.Button> buttons = new ArrayList<>();
            for (int i = 0; i < optionIds.size(); i++) {
                buttons.add(new ButtonMessage.Button(optionIds.get(i), titles.get(i)));
            }
            return new ButtonMessage(to, null, body, null, buttons);
        }
        List<ListMessage.Row> rows = new ArrayList<>();
        for (int i = 0; i < optionIds.size(); i++) {
            rows.add(new ListMessage.Row(optionIds.get(i), titles.get(i), null));
        }
        String button = render(language, TextKey.QUIZ_LIST_BUTTON, Map.of());
        return new ListMessage(to, null, body, null, button, List.of(new ListMessage.Section(button, rows)));
    }

    private String render(String language, TextKey key, Map<String, String> values) {
        return campaign.texts().render(language, key, values);
    }

    private OutboundMessage buttons(String language, String to, String body, Command command) {
        TextKey title = command == Command.QUIZ ? TextKey.BUTTON_QUIZ : TextKey.BUTTON_PLAY;
        return new ButtonMessage(to, null, body, null,
                List.of(new ButtonMessage.Button(CommandIds.of(command), render(language, title, Map.of()))));
    }
}
