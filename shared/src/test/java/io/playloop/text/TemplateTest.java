package io.playloop.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
    private static final Template POINTS_EN = new Template.Plural("points", ordered(
            "one", Template.plain("You have {{points}} point."),
            "other", Template.plain("You have {{points}} points.")));
    private static final Template POINTS_FR = new Template.Plural("points", ordered(
            "one", Template.plain("Vous avez {{points}} point."),
            "other", Template.plain("Vous avez {{points}} points.")));
    private static final Template POINTS_AR = new Template.Plural("points", ordered(
            "zero", Template.plain("ليس لديك أي نقاط."),
            "one", Template.plain("لديك نقطة واحدة."),
            "two", Template.plain("لديك نقطتان."),
            "few", Template.plain("لديك {{points}} نقاط."),
            "many", Template.plain("لديك {{points}} نقطة."),
            "other", Template.plain("لديك {{points}} نقطة.")));

    @Test
    void youHave1Point_inEnglish_and0Point_inFrench() {
        assertThat(render(POINTS_EN, "en", Map.of("points", "1"))).isEqualTo("You have 1 point.");
        assertThat(render(POINTS_EN, "en", Map.of("points", "0"))).isEqualTo("You have 0 points.");
        assertThat(render(POINTS_FR, "fr", Map.of("points", "0"))).isEqualTo("Vous avez 0 point.");
        assertThat(render(POINTS_FR, "fr", Map.of("points", "2"))).isEqualTo("Vous avez 2 points.");
    }

    @Test
    void arabic_takesItsSixForms() {
        assertThat(render(POINTS_AR, "ar", Map.of("points", "0"))).isEqualTo("ليس لديك أي نقاط.");
        assertThat(render(POINTS_AR, "ar", Map.of("points", "1"))).isEqualTo("لديك نقطة واحدة.");
        assertThat(render(POINTS_AR, "ar", Map.of("points", "2"))).isEqualTo("لديك نقطتان.");
        assertThat(render(POINTS_AR, "ar", Map.of("points", "3"))).isEqualTo("لديك 3 نقاط.");
        assertThat(render(POINTS_AR, "ar", Map.of("points", "11"))).isEqualTo("لديك 11 نقطة.");
        assertThat(render(POINTS_AR, "ar", Map.of("points", "100"))).isEqualTo("لديك 100 نقطة.");
    }

    @Test
    void aMissingName_takesTheFormWithoutIt_noHole() {
        Template menu = new Template.Variants(Template.plain("What would you like to play, {{name}}?"),
                Map.of("name", Template.plain("What would you like to play?")));
        assertThat(render(menu, "en", Map.of("name", "Ana"))).isEqualTo("What would you like to play, Ana?");
        assertThat(render(menu, "en", Map.of())).isEqualTo("What would you like to play?");
        assertThat(menu.render("en", Map.of(), Map.of("name", "there"))).isEqualTo("What would you like to play?");
    }

    @Test
    void numbers_areWrittenAsTheLanguageWritesThem_butCodesAreNot() {
        Template t = Template.plain("{{points}} / {{code}}");
        assertThat(render(t, "en", Map.of("points", "12500", "code", "123456"))).isEqualTo("12,500 / 123456");
        assertThat(render(t, "fr", Map.of("points", "12500", "code", "123456"))).isEqualTo("12\u202f500 / 123456");
        assertThat(render(t, "ar", Map.of("points", "12500", "code", "123456"))).isEqualTo("12,500 / 123456");
    }

    @Test
    void aWeek_isShownAsItsDays() {
        assertThat(Dates.week("2027-W05", "en")).isEqualTo("Feb 1 – Feb 7, 2027");
        assertThat(Dates.week("2027-W05", "fr")).isEqualTo("1 févr. – 7 févr. 2027");
        assertThat(Dates.week("2026-W53", "en")).isEqualTo("Dec 28, 2026 – Jan 3, 2027");
        assertThat(Dates.week("not a week", "en")).isEqualTo("not a week");
    }

    @Test
    void aTime_isShownInTheZoneGiven() {
        Instant at = Instant.parse("2026-12-01T08:00:00Z");
        assertThat(Dates.dateTime(at, "en", ZoneId.of("Asia/Dubai"))).contains("12:00");
        assertThat(Dates.dateTime(at, "en", ZoneId.of("Europe/Paris"))).contains("9:00");
    }

    private static String render(Template template, String language, Map<String, String> values) {
        return template.render(language, values, Map.of());
    }

    private static Map<String, Template> ordered(Object... pairs) {
        Map<String, Template> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Template) pairs[i + 1]);
        }
        return map;
    }
}
