package io.playloop.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.text.TextLint;
import org.junit.jupiter.api.Test;

/** The demo campaign as its customers read it: every text, every language, every count, with and without values. */
class DemoTextLintTest {
    @Test
    void theDemoCampaign_asWritten_readsRight() {
        Campaign demo = CampaignLoader.fromYaml(CampaignFiles.demoYaml(), CampaignFiles.DEMO_YAML.toString());
        TextLint.Report report = demo.texts().lint(demo.languages());
        System.out.println(report.describe());
        assertThat(report.renderings()).isGreaterThan(report.texts());
    }

    @Test
    void theBundledDemo_readsRight() {
        Campaign demo = DemoCampaign.get();
        TextLint.Report report = demo.texts().lint(demo.languages());
        assertThat(report.renderings()).isGreaterThan(report.texts());
    }
}
