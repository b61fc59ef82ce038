package io.playloop.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.text.TextLint;
import org.junit.jupiter.api.Test;

/**
 * The demo campaign as its customers read it: every text, every language, counts 0 to 101, with and without a name,
 * a last product, a tier and a rank. Before its texts had plural and without_ forms, the lint found 315 texts
 * rendered 8,664 times with 81 findings (counts without plural forms, holes where a name was missing).
 */
class DemoTextLintTest {
    @Test
    void theDemoCampaign_asWritten_readsRight() {
        Campaign demo = CampaignLoader.fromYaml(CampaignFiles.demoYaml(), CampaignFiles.DEMO_YAML.toString());
        TextLint.Report report = demo.texts().lint(demo.languages());
        System.out.println(report.describe());
        assertThat(report.texts()).isEqualTo(315);
        assertThat(report.findings()).as(report.describe()).isEmpty();
    }

    @Test
    void theBundledDemo_readsRight() {
        Campaign demo = DemoCampaign.get();
        TextLint.Report report = demo.texts().lint(demo.languages());
        assertThat(report.findings()).as(report.describe()).isEmpty();
    }

    @Test
    void aCountWithoutPluralForms_andAHoleForAName_areFound() {
        Campaign broken = CampaignLoader.fromYaml(CampaignFiles.demoWith(
                "    tier_top: \"You've reached our top tier. Thank you for playing!\"",
                "    tier_top: \"You have {{points}} points, {{name}}.\""), "broken.yaml");
        TextLint.Report report = broken.texts().lint(broken.languages());
        assertThat(report.findings()).extracting(TextLint.Finding::problem).containsExactly(
                "{{points}} is a count shown without the plural forms of en (one, other)",
                "uses {{name}}, which the engine may lack, and has no without_name form");
        assertThat(report.findings().get(0).example()).isEqualTo("You have 0 points, \u2068Ana\u2069.");
    }
}
