package io.playloop.engine;

import io.playloop.campaign.Campaign;
import io.playloop.campaign.DemoCampaign;
import io.playloop.campaign.TextKey;
import io.playloop.campaign.Texts;
import java.util.HashMap;
import java.util.Map;

/** Variations of the demo campaign for engine tests. */
final class TestCampaigns {
    private TestCampaigns() {
    }

    /** The demo campaign with another default language. */
    static Campaign withDefaultLanguage(String language) {
        Campaign c = DemoCampaign.get();
        return new Campaign(c.id(), c.name(), c.timeZone(), language, c.languages(), c.active(),
                c.qualifyingActions(), c.texts(), c.keywords(), c.points(), c.quiz(), c.spin(), c.challenges(),
                c.badges(), c.tiers(), c.tierPolicy(), c.leaderboard(), c.catalogue());
    }

    /** The demo campaign without its leaderboard and badges (mechanics a campaign may leave out). */
    static Campaign withoutLeaderboardAndBadges() {
        Campaign c = DemoCampaign.get();
        return new Campaign(c.id(), c.name(), c.timeZone(), c.defaultLanguage(), c.languages(), c.active(),
                c.qualifyingActions(), c.texts(), c.keywords(), c.points(), c.quiz(), c.spin(), c.challenges(),
                java.util.List.of(), c.tiers(), c.tierPolicy(), java.util.Optional.empty(), c.catalogue());
    }

    /** The demo campaign with one text replaced. */
    static Campaign withText(String language, TextKey key, String text) {
        Campaign c = DemoCampaign.get();
        Map<String, Map<TextKey, io.playloop.text.Template>> byLanguage = new HashMap<>();
        c.texts().byLanguage().forEach((l, texts) -> byLanguage.put(l, new HashMap<>(texts)));
        byLanguage.get(language).put(key, io.playloop.text.Template.plain(text));
        return new Campaign(c.id(), c.name(), c.timeZone(), c.defaultLanguage(), c.languages(), c.active(),
                c.qualifyingActions(), new Texts(byLanguage, c.texts().fallbacks()), c.keywords(), c.points(),
                c.quiz(), c.spin(), c.challenges(), c.badges(), c.tiers(), c.tierPolicy(), c.leaderboard(), c.catalogue());
    }
}
