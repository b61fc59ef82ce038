package io.playloop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playloop.campaign.Command;
import io.playloop.campaign.DemoCampaign;
import io.playloop.campaign.Keywords;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class MessageCatalogTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final MessageCatalog bundled = MessageCatalog.bundled();
    private final IntentResolver resolver = new IntentResolver(DemoCampaign.get(), bundled);

    @Test
    void theBundledCatalogue_speaksEnglishFrenchAndArabic() {
        assertThat(bundled.languages()).containsExactly("en", "fr", "ar");
        assertThat(MessageCatalog.bundled()).isSameAs(bundled);
    }

    @Test
    void theIssuesKeywords_meanTheirCommands() {
        assertThat(command("POINTS")).isEqualTo(Command.POINTS);
        assertThat(command("balance")).isEqualTo(Command.POINTS);
        assertThat(command("solde")).isEqualTo(Command.POINTS);
        assertThat(command("نقاط")).isEqualTo(Command.POINTS);
        assertThat(command("رصيد")).isEqualTo(Command.POINTS);
        assertThat(command("HELP")).isEqualTo(Command.HELP);
        assertThat(command("menu")).isEqualTo(Command.PLAY);
        assertThat(command("JOUER")).isEqualTo(Command.PLAY);
        assertThat(command("العب")).isEqualTo(Command.PLAY);
        assertThat(command("quiz")).isEqualTo(Command.QUIZ);
        assertThat(command("roue")).isEqualTo(Command.SPIN);
        assertThat(command("LANGUE")).isEqualTo(Command.LANG);
        assertThat(command("AIDE")).isEqualTo(Command.HELP);
        assertThat(command("مساعدة")).isEqualTo(Command.HELP);
        assertThat(command("start")).isEqualTo(Command.START);
        assertThat(command("Subscribe")).isEqualTo(Command.START);
        assertThat(command("YES")).isEqualTo(Command.START);
        assertThat(command("commencer")).isEqualTo(Command.START);
        assertThat(command("oui")).isEqualTo(Command.START);
        assertThat(command("STOP")).isEqualTo(Command.STOP);
        assertThat(command("unsubscribe")).isEqualTo(Command.STOP);
        assertThat(command("Stop promotions")).isEqualTo(Command.STOP);
        assertThat(command("ARRÊT")).isEqualTo(Command.STOP);
        assertThat(command("arreter")).isEqualTo(Command.STOP);
        assertThat(command("désabonner")).isEqualTo(Command.STOP);
        assertThat(command("إيقاف")).isEqualTo(Command.STOP);
        assertThat(command("توقف")).isEqualTo(Command.STOP);
        assertThat(command("إلغاء")).isEqualTo(Command.STOP);
        assertThat(command("لا أريد")).isEqualTo(Command.STOP);
    }

    @Test
    void aShortMessage_isACommandByItsFirstWord_butNotForStart() {
        assertThat(command("stop sending these")).isEqualTo(Command.STOP);
        assertThat(command("points please")).isEqualTo(Command.POINTS);
        assertThat(command("aide moi svp")).isEqualTo(Command.HELP);
        assertThat(command("توقف من فضلك")).isEqualTo(Command.STOP);
        assertThat(command("stop sending me these messages")).as("five words is a sentence").isNull();
        assertThat(command("start a new order")).as("no opt-in by accident").isNull();
        assertThat(command("yes please")).isNull();
        assertThat(command("my points please")).as("a phrase is matched whole").isNull();
    }

    @Test
    void everyButtonTitle_readAsText_meansItsCommandOrNothing_soAForgedIdFallsBackSafely() {
        java.util.Map<io.playloop.campaign.TextKey, Command> buttons = java.util.Map.of(
                io.playloop.campaign.TextKey.BUTTON_START, Command.START,
                io.playloop.campaign.TextKey.BUTTON_POINTS, Command.POINTS,
                io.playloop.campaign.TextKey.BUTTON_HELP, Command.HELP,
                io.playloop.campaign.TextKey.BUTTON_PLAY, Command.PLAY,
                io.playloop.campaign.TextKey.BUTTON_QUIZ, Command.QUIZ,
                io.playloop.campaign.TextKey.BUTTON_SPIN, Command.SPIN);
        for (String language : DemoCampaign.get().languages()) {
            buttons.forEach((key, cmd) -> {
                String title = DemoCampaign.get().texts().template(language, key);
                assertThat(command(title)).as(language + " " + title).isIn(cmd, null);
            });
        }
    }

    @Test
    void keywordsSharedByLanguages_knowAllOfThem() {
        assertThat(bundled.keyword("points")).get().extracting(KeywordMatch::languages)
                .isEqualTo(java.util.Set.of("en", "fr"));
        assertThat(bundled.keyword("?")).get().extracting(KeywordMatch::languages)
                .isEqualTo(java.util.Set.of("en", "fr", "ar"));
        assertThat(bundled.keyword("aide")).get().extracting(KeywordMatch::languages)
                .isEqualTo(java.util.Set.of("fr"));
    }

    @Test
    void pluralRules_followCldrForEachLanguage() {
        PluralRules en = bundled.language("en").plural();
        PluralRules fr = bundled.language("fr").plural();
        PluralRules ar = bundled.language("ar").plural();

        assertThat(java.util.stream.LongStream.of(0, 1, 2, 5).mapToObj(en::categoryOf))
                .containsExactly("other", "one", "other", "other");
        assertThat(java.util.stream.LongStream.of(0, 1, 2, 1_000_000, 2_000_000, 1_000_001).mapToObj(fr::categoryOf))
                .containsExactly("one", "one", "other", "many", "many", "other");
        assertThat(java.util.stream.LongStream.of(0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111, 1000).mapToObj(ar::categoryOf))
                .containsExactly("zero", "one", "two", "few", "few", "many", "many", "other", "other", "few", "many",
                        "other");
    }

    @Test
    void countries_useTheLongestCallingCodePrefix() {
        assertThat(bundled.languageOfCountry("33612345678")).contains("fr");
        assertThat(bundled.languageOfCountry("+212612345678")).contains("fr");
        assertThat(bundled.languageOfCountry("201001234567")).contains("ar");
        assertThat(bundled.languageOfCountry("966501234567")).contains("ar");
        assertThat(bundled.languageOfCountry("16505551234")).isEmpty();
        assertThat(bundled.languageOfCountry(null)).isEmpty();
        assertThat(bundled.languageOfCountry("")).isEmpty();
    }

    @Test
    void theCatalogueHoldsNoBidiControls() throws IOException {
        assertThat(bundledJson().codePoints())
                .noneMatch(cp -> cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069 || cp == 0x200E
                        || cp == 0x200F || cp == 0x061C);
    }

    // --- validation ---------------------------------------------------------------------------

    @Test
    void aMissingText_isNamedByPath() {
        assertProblems(c -> texts(c, "fr").remove("help"), "languages.fr.texts.help: missing");
    }

    @Test
    void aButtonTitleOver20Characters_isRefused() {
        assertProblems(c -> buttons(c, "ar").put("START", "✅ نعم، أبقوني على اطلاع دائمًا"),
                "languages.ar.buttons.START: has 30 characters; a WhatsApp button title allows at most 20");
    }

    @Test
    void aMissingCommand_anUnknownCommand_andAnEmptyKeyword_areRefused() {
        assertProblems(c -> {
            ObjectNode keywords = (ObjectNode) language(c, "en").get("keywords");
            keywords.remove("HELP");
            keywords.putArray("PLAY").add("play");
            ((ArrayNode) keywords.get("STOP")).add("!?\u200B");
        }, "languages.en.keywords.PLAY: unknown command; expected one of POINTS, HELP, START, STOP",
                "languages.en.keywords.HELP: missing: needs a non-empty array of keyword phrases");
    }

    @Test
    void aKeywordMeaningTwoCommands_isRefused() {
        assertProblems(c -> ((ArrayNode) language(c, "fr").get("keywords").get("POINTS")).add("Arrêt"),
                "languages.fr.keywords.STOP[1]: \"arret\" already means POINTS at languages.fr.keywords.POINTS[5]; "
                        + "a keyword must mean one command in every language");
    }

    @Test
    void placeholders_areChecked() {
        assertProblems(c -> {
            texts(c, "en").put("unknown", "Sorry, I didn't understand. Send HELP.");
            texts(c, "en").put("help", "Hello {{nmae}}!");
            texts(c, "fr").put("stop_confirmed", "C’est fait {{business");
        }, "languages.en.texts.unknown: must contain {{quote}}",
                "languages.en.texts.help: unknown placeholder {{nmae}}; this text may use {{business}}",
                "languages.fr.texts.stop_confirmed: malformed placeholder");
    }

    @Test
    void pluralForms_mustCoverTheLanguagesCategories() {
        assertProblems(c -> {
            ((ObjectNode) texts(c, "ar").get("points_balance")).remove("two");
            ((ObjectNode) texts(c, "en").get("points_balance")).put("few", "You have a few points.");
        }, "languages.ar.texts.points_balance.two: missing plural form",
                "languages.en.texts.points_balance.few: not a plural category of this language; it has [one, other]");
    }

    @Test
    void onlyCountableTexts_mayHavePluralForms() {
        assertProblems(c -> texts(c, "en").putObject("help").put("other", "Help"),
                "languages.en.texts.help: must be a string");
    }

    @Test
    void countryAndScriptTables_mustNameKnownLanguages() {
        assertProblems(c -> {
            ((ObjectNode) c.get("countryLanguages")).put("49", "de").put("+44", "en");
            ((ObjectNode) c.get("scriptLanguages")).put("KLINGON", "en");
        }, "countryLanguages.49: must name a language of this catalogue, not \"de\"",
                "countryLanguages.+44: a country calling code is 1 to 4 digits",
                "scriptLanguages.KLINGON: not a Unicode script name");
    }

    @Test
    void unknownFieldsAndFormats_areRefused() {
        assertProblems(c -> {
            c.put("format", 2);
            language(c, "fr").put("keyword", "typo");
        }, "format: must be 1", "languages.fr.keyword: unknown field");
    }

    @Test
    void embeddingControlsInTexts_areRefused() {
        assertProblems(c -> texts(c, "ar").put("help", "\u202Bمساعدة\u202C"),
                "languages.ar.texts.help: contains a bidi embedding or override");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        CatalogException e = catchProblems(c -> {
            texts(c, "fr").remove("help");
            texts(c, "ar").remove("unknown");
            buttons(c, "en").put("HELP", "❓ Help me with everything");
        });

        assertThat(e.problems()).hasSize(3);
        assertThat(e.getMessage()).startsWith("message catalogue test.json is invalid:\n  - ");
    }

    @Test
    void brokenJson_isReportedWithItsLine() {
        assertThatThrownBy(() -> MessageCatalog.load(stream("{\n  \"format\": 1,\n  \"languages\": {,\n}"), "broken.json"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("broken.json").hasMessageContaining("not valid JSON").hasMessageContaining("line 3");
    }

    @Test
    void duplicateKeys_areRefused() {
        assertThatThrownBy(() -> MessageCatalog.load(stream("{\"format\": 1, \"format\": 1}"), "dup.json"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("Duplicate field 'format'");
    }

    @Test
    void aValidCopyLoads_fromAStream() throws IOException {
        MessageCatalog copy = MessageCatalog.load(stream(bundledJson()), "copy.json");

        assertThat(copy.languages()).containsExactly("en", "fr", "ar");
        assertThat(copy.source()).isEqualTo("copy.json");
    }

    // --- helpers -----------------------------------------------------------------------------

    private Command command(String text) {
        return resolver.match(text).map(Keywords.Match::command).orElse(null);
    }

    private static void assertProblems(Consumer<ObjectNode> breakIt, String... expected) {
        CatalogException e = catchProblems(breakIt);
        for (String problem : expected) {
            assertThat(e.problems()).as("problems").anySatisfy(p -> assertThat(p).startsWith(problem));
        }
    }

    private static CatalogException catchProblems(Consumer<ObjectNode> breakIt) {
        ObjectNode catalog;
        try {
            catalog = (ObjectNode) MAPPER.readTree(bundledJson());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        breakIt.accept(catalog);
        try {
            MessageCatalog.load(stream(catalog.toString()), "test.json");
        } catch (CatalogException e) {
            return e;
        }
        throw new AssertionError("the broken catalogue loaded");
    }

    private static ObjectNode language(ObjectNode catalog, String code) {
        return (ObjectNode) catalog.get("languages").get(code);
    }

    private static ObjectNode texts(ObjectNode catalog, String code) {
        return (ObjectNode) language(catalog, code).get("texts");
    }

    private static ObjectNode buttons(ObjectNode catalog, String code) {
        return (ObjectNode) language(catalog, code).get("buttons");
    }

    private static String bundledJson() throws IOException {
        try (InputStream in = MessageCatalog.class.getResourceAsStream(MessageCatalog.BUNDLED_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
