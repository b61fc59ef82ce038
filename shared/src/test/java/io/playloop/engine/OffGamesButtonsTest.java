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
        yaml = CampaignFiles.withoutSection(yaml, "quiz:");
        yaml = CampaignFiles.withoutSection(yaml, "spin:");
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
}
