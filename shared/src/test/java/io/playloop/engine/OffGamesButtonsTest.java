package io.playloop.engine;

import static io.playloop.engine.Webhook.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.campaign.Campaign;
import io.playloop.campaign.CampaignFiles;
import io.playloop.campaign.CampaignLoader;
import io.playloop.campaign.DemoCampaign;
import io.playloop.whatsapp.outbound.ButtonMessage;
import org.junit.jupiter.api.Test;

/** A game the campaign does not run is never offered as a button: the button would only answer "not available". */
class OffGamesButtonsTest {
    static final String US = "16505551234";

    /** The demo without its wheel and its quiz (and what only they referred to). */
    static Campaign withoutQuizAndWheel() {
        String yaml = CampaignFiles.demoYaml();
        yaml = cut(yaml, "quiz:");
        yaml = cut(yaml, "spin:");
        return CampaignLoader.fromYaml(yaml, "no-quiz-no-wheel.yaml");
    }

    @Test
    void rewardsWithTooFewPoints_offersNoQuizOrSpinButton_whenTheCampaignHasNeither() {
        PlayWorld world = new PlayWorld(withoutQuizAndWheel(), T0);
        world.text(US, "hey");
        world.grant(US, 20);

        ButtonMessage reply = (ButtonMessage) world.text(US, "rewards").reply().orElseThrow();

        assertThat(reply.buttons()).extracting(ButtonMessage.Button::id).doesNotContain("cmd:QUIZ", "cmd:SPIN")
                .isNotEmpty();
    }

    @Test
    void theSameReply_inTheDemo_stillOffersBothGames() {
        PlayWorld world = new PlayWorld(DemoCampaign.get(), T0);
        world.text(US, "hey");
        world.grant(US, 20);

        ButtonMessage reply = (ButtonMessage) world.text(US, "rewards").reply().orElseThrow();

        assertThat(reply.buttons()).extracting(ButtonMessage.Button::id).contains("cmd:QUIZ", "cmd:SPIN");
    }

    private static String cut(String yaml, String header) {
        int start = yaml.indexOf("\n" + header + "\n");
        assertThat(start).as("section %s", header).isNotNegative();
        int end = start + 1 + header.length() + 1;
        while (end < yaml.length()) {
            int lineEnd = yaml.indexOf('\n', end);
            String line = yaml.substring(end, lineEnd < 0 ? yaml.length() : lineEnd);
            if (!line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#")) {
                break;
            }
            end = lineEnd < 0 ? yaml.length() : lineEnd + 1;
        }
        return yaml.substring(0, start + 1) + yaml.substring(end);
    }
}
