package io.playloop.local;

import static io.playloop.local.LocalCloudClient.buttonIds;
import static io.playloop.local.LocalCloudClient.rowIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.campaign.Campaign;
import io.playloop.campaign.DemoCampaign;
import io.playloop.campaign.Question;
import java.util.List;

/**
 * Reads the demo campaign's quiz questions back from the replies a conversation test receives: which question
 * a reply asks (from its signed option ids {@code q:<question>:<round>:<option>:<mac>}), its right option and
 * what a right answer earns.
 */
final class DemoQuiz {
    static final Campaign DEMO = DemoCampaign.get();

    private DemoQuiz() {
    }

    /** The option ids of a question reply: reply buttons for 2–3 options, list rows for more. */
    static List<String> optionIds(JsonNode question) {
        List<String> ids = "list".equals(question.path("interactive").path("type").asText()) ? rowIds(question)
                : buttonIds(question);
        assertThat(ids).as("a question with options: " + question).hasSizeBetween(2, 10)
                .allSatisfy(id -> assertThat(id).startsWith("q:"));
        return ids;
    }

    /** The demo question these option ids belong to. */
    static Question questionOf(List<String> ids) {
        return DEMO.quiz().orElseThrow().question(ids.get(0).split(":")[1]).orElseThrow();
    }

    /** The id of the right option among them. */
    static String correctId(List<String> ids) {
        String correct = questionOf(ids).correct();
        return ids.stream().filter(id -> id.split(":")[3].equals(correct)).findFirst().orElseThrow();
    }

    /** The right option's signed id in a question reply. */
    static String correctId(JsonNode question) {
        return correctId(optionIds(question));
    }

    /** The right option's text in {@code language}, as a customer would type it. */
    static String rightAnswer(JsonNode question, String language) {
        Question q = questionOf(optionIds(question));
        return q.option(q.correct()).orElseThrow().text().in(language);
    }

    /** What a right answer earns: the question's own points, else the campaign's {@code quiz_correct} rule. */
    static long pointsOf(Question question) {
        return question.points() > 0 ? question.points() : DEMO.points().quizCorrect().orElseThrow().points();
    }

    /** What a right answer to the question of this option id earns. */
    static long pointsOf(String optionId) {
        return pointsOf(DEMO.quiz().orElseThrow().question(optionId.split(":")[1]).orElseThrow());
    }
}
