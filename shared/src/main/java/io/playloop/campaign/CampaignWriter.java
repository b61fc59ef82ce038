package io.playloop.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playloop.text.Template;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a campaign back in the campaign format, every default spelled out: the canonical JSON the CLI
 * stores in the table and the game function reads. Reading it back gives an equal {@link Campaign}.
 */
final class CampaignWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final Duration DAY = Duration.ofDays(1);

    private CampaignWriter() {
    }

    static ObjectNode write(Campaign campaign) {
        ObjectNode root = NODES.objectNode();
        root.put("format", Campaign.FORMAT);
        root.put("id", campaign.id());
        root.put("name", campaign.name());
        root.put("time_zone", campaign.timeZone().getId());
        root.put("default_language", campaign.defaultLanguage());
        ArrayNode languages = root.putArray("languages");
        campaign.languages().forEach(languages::add);
        ObjectNode active = root.putObject("active");
        active.put("start", campaign.active().start().toString());
        campaign.active().end().ifPresent(end -> active.put("end", end.toString()));
        ArrayNode qualifying = root.putArray("qualifying_actions");
        for (Action action : Action.values()) {
            if (campaign.qualifyingActions().contains(action)) {
                qualifying.add(action.key());
            }
        }
        root.set("points", points(campaign.points(), campaign.languages()));
        campaign.quiz().ifPresent(quiz -> root.set("quiz", quiz(quiz, campaign.languages())));
        campaign.spin().ifPresent(spin -> root.set("spin", spin(spin, campaign.languages())));
        if (!campaign.challenges().isEmpty()) {
            ArrayNode challenges = root.putArray("challenges");
            campaign.challenges().forEach(c -> challenges.add(challenge(c, campaign.languages())));
        }
        if (!campaign.badges().isEmpty()) {
            ArrayNode badges = root.putArray("badges");
            campaign.badges().forEach(b -> badges.add(badge(b, campaign.languages())));
        }
        if (!campaign.tiers().isEmpty()) {
            ArrayNode tiers = root.putArray("tiers");
            campaign.tiers().forEach(t -> tiers.add(tier(t, campaign.languages())));
            ObjectNode policy = root.putObject("tier_policy");
            policy.put("downgrade", FormatNames.name(campaign.tierPolicy().downgrade()));
            campaign.tierPolicy().window().ifPresent(w -> policy.put("window", duration(w)));
        }
        campaign.leaderboard().ifPresent(board -> {
            ObjectNode node = root.putObject("leaderboard");
            node.put("period", "week");
            node.put("top", board.top());
        });
        if (!campaign.catalogue().isEmpty()) {
            ArrayNode rewards = root.putArray("rewards");
            campaign.catalogue().forEach(item -> rewards.add(catalogueItem(item, campaign.languages())));
        }
        root.set("outreach", OutreachWriter.write(campaign.outreach(), campaign.languages()));
        root.putObject("retention").put("inactive_customers", duration(campaign.inactiveRetention()));
        ObjectNode texts = root.putObject("texts");
        ObjectNode fallbacks = NODES.objectNode();
        ObjectNode keywords = root.putObject("keywords");
        for (String language : campaign.languages()) {
            ObjectNode byKey = texts.putObject(language);
            campaign.texts().templates(language).forEach((key, text) -> byKey.set(key.key(), template(text)));
            ObjectNode byName = NODES.objectNode();
            for (String name : Placeholders.WITH_FALLBACK) {
                String text = campaign.texts().fallbacks().getOrDefault(language, Map.of()).get(name);
                if (text != null) {
                    byName.put(name, text);
                }
            }
            if (!byName.isEmpty()) {
                fallbacks.set(language, byName);
            }
            ObjectNode byCommand = keywords.putObject(language);
            for (Command command : Command.values()) {
                ArrayNode phrases = byCommand.putArray(command.name());
                campaign.keywords().phrases(language, command).forEach(phrases::add);
            }
        }
        if (!fallbacks.isEmpty()) {
            root.set("fallbacks", fallbacks);
        }
        // Registered mechanics' sections go back as written: each mechanic reads its own.
        campaign.mechanics().written().forEach((id, section) -> root.set(id, section.deepCopy()));
        return root;
    }

    private static ObjectNode points(PointsRules points, List<String> languages) {
        ObjectNode node = NODES.objectNode();
        node.put("lot_expiry", duration(points.lotExpiry()));
        ObjectNode earn = node.putObject("earn");
        points.quizCorrect().ifPresent(rule -> earn.set("quiz_correct", earnRule(rule.points(), rule.cap())));
        points.streakDay().ifPresent(rule -> earn.set("streak_day", earnRule(rule.points(), rule.cap())));
        points.referral().ifPresent(rule -> {
            ObjectNode referral = earnRule(rule.points(), rule.cap());
            referral.put("friend_points", rule.friendPoints());
            earn.set("referral", referral);
        });
        points.order().ifPresent(rule -> earn.set("order", earnRule(rule.points(), rule.cap())));
        points.orderAmount().ifPresent(rule -> {
            ObjectNode amount = earnRule(rule.points(), rule.cap());
            amount.set("per", number(rule.per()));
            earn.set("order_amount", amount);
        });
        if (!points.keywords().isEmpty()) {
            ArrayNode rules = earn.putArray("keywords");
            for (KeywordRule rule : points.keywords()) {
                ObjectNode item = rules.addObject();
                item.put("id", rule.id());
                ObjectNode phrases = item.putObject("keywords");
                for (String language : languages) {
                    List<String> list = rule.phrases().get(language);
                    if (list != null) {
                        ArrayNode array = phrases.putArray(language);
                        list.forEach(array::add);
                    }
                }
                item.put("points", rule.points());
                cap(item, rule.cap());
            }
        }
        return node;
    }

    private static ObjectNode earnRule(long points, Cap cap) {
        ObjectNode node = NODES.objectNode();
        node.put("points", points);
        cap(node, cap);
        return node;
    }

    private static void cap(ObjectNode parent, Cap cap) {
        if (cap.isNone()) {
            return;
        }
        ObjectNode node = parent.putObject("cap");
        cap.perDay().ifPresent(v -> node.put("per_day", v));
        cap.perWeek().ifPresent(v -> node.put("per_week", v));
    }

    private static ObjectNode quiz(Quiz quiz, List<String> languages) {
        ObjectNode node = NODES.objectNode();
        node.put("daily_limit", quiz.dailyLimit());
        node.put("answer_time_limit", duration(quiz.answerTimeLimit()));
        node.put("order", FormatNames.name(quiz.order()));
        ArrayNode questions = node.putArray("questions");
        for (Question question : quiz.questions()) {
            ObjectNode item = questions.addObject();
            item.put("id", question.id());
            item.set("text", localized(question.text(), languages));
            ArrayNode options = item.putArray("options");
            for (QuizOption option : question.options()) {
                ObjectNode o = options.addObject();
                o.put("id", option.id());
                o.set("text", localized(option.text(), languages));
            }
            item.put("correct", question.correct());
            item.put("points", question.points());
        }
        return node;
    }

    private static ObjectNode spin(Spin spin, List<String> languages) {
        ObjectNode node = NODES.objectNode();
        node.put("cooldown", duration(spin.cooldown()));
        node.put("cost", spin.cost());
        ArrayNode prizes = node.putArray("prizes");
        for (Prize prize : spin.prizes()) {
            ObjectNode item = prizes.addObject();
            item.put("id", prize.id());
            item.set("name", localized(prize.name(), languages));
            item.put("kind", FormatNames.name(prize.kind()));
            if (prize.kind() != PrizeKind.TRY_AGAIN) {
                item.set("value", number(prize.value()));
            }
            item.put("weight", prize.weight());
            if (!prize.budget().isUnlimited()) {
                ObjectNode budget = item.putObject("budget");
                prize.budget().perDay().ifPresent(v -> budget.put("per_day", v));
                prize.budget().total().ifPresent(v -> budget.put("total", v));
            }
            if (prize.kind() == PrizeKind.PERCENT_DISCOUNT) {
                item.put("valid_for", duration(prize.validFor()));
            }
        }
        return node;
    }

    private static ObjectNode challenge(Challenge challenge, List<String> languages) {
        ObjectNode node = NODES.objectNode();
        node.put("id", challenge.id());
        node.put("kind", FormatNames.name(challenge.kind()));
        node.set("name", localized(challenge.name(), languages));
        node.set("description", localized(challenge.description(), languages));
        switch (challenge.kind()) {
            case REFERRALS -> node.put("count", challenge.target());
            case ACTIONS -> {
                node.put("action", challenge.action().orElseThrow().key());
                node.put("count", challenge.target());
                node.put("window", FormatNames.name(challenge.window()));
            }
            case STREAK -> node.put("days", challenge.target());
        }
        node.putObject("reward").put("points", challenge.rewardPoints());
        return node;
    }

    private static ObjectNode badge(Badge badge, List<String> languages) {
        ObjectNode node = NODES.objectNode();
        node.put("id", badge.id());
        node.set("name", localized(badge.name(), languages));
        ObjectNode trigger = node.putObject("trigger");
        BadgeTrigger t = badge.trigger();
        if (t instanceof BadgeTrigger.Actions actions) {
            trigger.put("kind", "actions").put("action", actions.action().key()).put("count", actions.count());
        } else if (t instanceof BadgeTrigger.Streak streak) {
            trigger.put("kind", "streak").put("days", streak.days());
        } else if (t instanceof BadgeTrigger.Referrals referrals) {
            trigger.put("kind", "referrals").put("count", referrals.count());
        } else if (t instanceof BadgeTrigger.TierReached tier) {
            trigger.put("kind", "tier").put("tier", tier.tier());
        } else if (t instanceof BadgeTrigger.ChallengeCompleted challenge) {
            trigger.put("kind", "challenge").put("challenge", challenge.challenge());
        }
        return node;
    }

    private static ObjectNode tier(Tier tier, List<String> languages) {
        ObjectNode node = NODES.objectNode();
        node.put("id", tier.id());
        node.set("name", localized(tier.name(), languages));
        node.put("threshold", tier.threshold());
        ObjectNode perks = node.putObject("perks");
        perks.set("multiplier", number(tier.perks().multiplier()));
        tier.perks().earlyAccess().ifPresent(text -> perks.set("early_access", localized(text, languages)));
        return node;
    }

    private static ObjectNode catalogueItem(CatalogueItem item, List<String> languages) {
        ObjectNode node = NODES.objectNode();
        node.put("id", item.id());
        node.set("name", localized(item.name(), languages));
        item.description().ifPresent(d -> node.set("description", localized(d, languages)));
        node.put("cost", item.cost());
        item.stock().ifPresent(stock -> node.put("stock", stock));
        item.perCustomer().ifPresent(limit -> node.put("per_customer", limit));
        node.put("valid_for", duration(item.validFor()));
        ObjectNode coupon = node.putObject("coupon");
        if (item.coupon() instanceof CouponSource.Generated generated) {
            coupon.put("format", generated.format());
        } else if (item.coupon() instanceof CouponSource.Pool pool) {
            coupon.put("pool", pool.pool());
        }
        return node;
    }

    /** A text as the format writes it: a string, or its forms ({@code text}, plural categories, {@code without_}). */
    private static JsonNode template(Template template) {
        if (template instanceof Template.Plain plain) {
            return NODES.textNode(plain.text());
        }
        ObjectNode node = NODES.objectNode();
        if (template instanceof Template.Plural plural) {
            node.put("count", plural.count());
            plural.byCategory().forEach((category, form) -> node.set(category, template(form)));
        } else if (template instanceof Template.Variants variants) {
            if (variants.text() instanceof Template.Plural plural) {
                node.put("count", plural.count());
                plural.byCategory().forEach((category, form) -> node.set(category, template(form)));
            } else {
                node.set("text", template(variants.text()));
            }
            variants.without().forEach((name, form) -> node.set(Template.WITHOUT + name, template(form)));
        }
        return node;
    }

    private static ObjectNode localized(LocalizedText text, List<String> languages) {
        ObjectNode node = NODES.objectNode();
        for (String language : languages) {
            Optional.ofNullable(text.in(language)).ifPresent(value -> node.put(language, value));
        }
        return node;
    }

    /** Whole numbers as integers (10, not 10.0); others as exact decimals. */
    private static JsonNode number(BigDecimal value) {
        return value.scale() <= 0 ? NODES.numberNode(value.longValueExact()) : NODES.numberNode(value);
    }

    /** P365D rather than PT8760H: whole days are written in days. */
    static String duration(Duration duration) {
        if (!duration.isZero() && duration.toNanos() % DAY.toNanos() == 0) {
            return "P" + duration.toDays() + "D";
        }
        return duration.toString();
    }
}
