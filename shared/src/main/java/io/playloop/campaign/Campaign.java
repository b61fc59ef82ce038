package io.playloop.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A campaign: everything a CRM team configures, as data (see {@code infra/campaigns/FORMAT.md}). Build
 * one through {@link CampaignLoader}, which validates every rule; the records themselves only refuse nulls.
 *
 * @param id                 lower-case letters, digits and dashes; the table key
 * @param name               for people (CLI listings), never shown to customers
 * @param timeZone           days, weeks, caps, budgets and the leaderboard follow it
 * @param defaultLanguage    one of {@code languages}
 * @param languages          a subset of en, fr, ar, in the campaign's order
 * @param active             when the games are open
 * @param qualifyingActions  what makes a streak day and what a referred friend must do for the referral to count
 * @param texts              texts per language
 * @param keywords           command keywords per language
 * @param points             earning rules and lot expiry
 * @param quiz               the quiz, if the campaign has one
 * @param spin               the wheel, if the campaign has one
 * @param challenges         challenges, possibly none
 * @param badges             badges, possibly none
 * @param tiers              tiers by increasing threshold, possibly none
 * @param tierPolicy         the downgrade policy
 * @param leaderboard        the weekly leaderboard, if the campaign has one
 * @param catalogue          rewards customers buy with points, possibly none
 * @param outreach           reminders, contact budget, templates, fees and send limits ({@link Outreach#NONE}
 *                           when the file has no {@code outreach} section)
 * @param inactiveRetention  how long a customer without a message is kept before the scheduler erases them
 *                           ({@code retention.inactive_customers}, default {@link #DEFAULT_INACTIVE_RETENTION})
 * @param mechanics          the sections of registered mechanics ({@link io.playloop.mechanic.Mechanics}): each one
 *                           present is active
 */
public record Campaign(String id, String name, ZoneId timeZone, String defaultLanguage, List<String> languages,
                       ActiveWindow active, Set<Action> qualifyingActions, Texts texts, Keywords keywords,
                       PointsRules points, Optional<Quiz> quiz, Optional<Spin> spin, List<Challenge> challenges,
                       List<Badge> badges, List<Tier> tiers, TierPolicy tierPolicy,
                       Optional<Leaderboard> leaderboard, List<CatalogueItem> catalogue, Outreach outreach,
                       java.time.Duration inactiveRetention, io.playloop.mechanic.MechanicSections mechanics) {
    /** How long a silent customer is kept by default: 730 days, about 24 months. */
    public static final java.time.Duration DEFAULT_INACTIVE_RETENTION = java.time.Duration.ofDays(730);
    /** The format this model reads and writes. */
    public static final String FORMAT = "playloop/campaign@1";
    /** The languages PlayLoop speaks. */
    public static final List<String> SUPPORTED_LANGUAGES = List.of("en", "fr", "ar");

    public Campaign {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(keywords, "keywords");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(quiz, "quiz");
        Objects.requireNonNull(spin, "spin");
        Objects.requireNonNull(tierPolicy, "tierPolicy");
        Objects.requireNonNull(leaderboard, "leaderboard");
        Objects.requireNonNull(outreach, "outreach");
        Objects.requireNonNull(inactiveRetention, "inactiveRetention");
        Objects.requireNonNull(mechanics, "mechanics");
        languages = List.copyOf(languages);
        qualifyingActions = Set.copyOf(qualifyingActions);
        challenges = List.copyOf(challenges);
        badges = List.copyOf(badges);
        tiers = List.copyOf(tiers);
        catalogue = List.copyOf(catalogue);
    }

    /** A campaign without sections of registered mechanics ({@link io.playloop.mechanic.Mechanics}). */
    public Campaign(String id, String name, ZoneId timeZone, String defaultLanguage, List<String> languages,
                    ActiveWindow active, Set<Action> qualifyingActions, Texts texts, Keywords keywords,
                    PointsRules points, Optional<Quiz> quiz, Optional<Spin> spin, List<Challenge> challenges,
                    List<Badge> badges, List<Tier> tiers, TierPolicy tierPolicy,
                    Optional<Leaderboard> leaderboard, List<CatalogueItem> catalogue, Outreach outreach,
                    java.time.Duration inactiveRetention) {
        this(id, name, timeZone, defaultLanguage, languages, active, qualifyingActions, texts, keywords, points, quiz,
                spin, challenges, badges, tiers, tierPolicy, leaderboard, catalogue, outreach, inactiveRetention,
                io.playloop.mechanic.MechanicSections.NONE);
    }

    /** A campaign that sends nothing proactive ({@link Outreach#NONE}): what code built before outreach passes. */
    public Campaign(String id, String name, ZoneId timeZone, String defaultLanguage, List<String> languages,
                    ActiveWindow active, Set<Action> qualifyingActions, Texts texts, Keywords keywords,
                    PointsRules points, Optional<Quiz> quiz, Optional<Spin> spin, List<Challenge> challenges,
                    List<Badge> badges, List<Tier> tiers, TierPolicy tierPolicy,
                    Optional<Leaderboard> leaderboard, List<CatalogueItem> catalogue) {
        this(id, name, timeZone, defaultLanguage, languages, active, qualifyingActions, texts, keywords, points, quiz,
                spin, challenges, badges, tiers, tierPolicy, leaderboard, catalogue, Outreach.NONE);
    }

    /** A campaign with the default retention of silent customers. */
    public Campaign(String id, String name, ZoneId timeZone, String defaultLanguage, List<String> languages,
                    ActiveWindow active, Set<Action> qualifyingActions, Texts texts, Keywords keywords,
                    PointsRules points, Optional<Quiz> quiz, Optional<Spin> spin, List<Challenge> challenges,
                    List<Badge> badges, List<Tier> tiers, TierPolicy tierPolicy,
                    Optional<Leaderboard> leaderboard, List<CatalogueItem> catalogue, Outreach outreach) {
        this(id, name, timeZone, defaultLanguage, languages, active, qualifyingActions, texts, keywords, points, quiz,
                spin, challenges, badges, tiers, tierPolicy, leaderboard, catalogue, outreach, DEFAULT_INACTIVE_RETENTION);
    }

    /** The same campaign with another outreach section (a variant for an A/B test, a test, a benchmark). */
    public Campaign withOutreach(Outreach other) {
        return new Campaign(id, name, timeZone, defaultLanguage, languages, active, qualifyingActions, texts, keywords,
                points, quiz, spin, challenges, badges, tiers, tierPolicy, leaderboard, catalogue, other,
                inactiveRetention, mechanics);
    }

    /** The same campaign keeping silent customers for {@code retention} (tests, benchmarks). */
    public Campaign withInactiveRetention(java.time.Duration retention) {
        return new Campaign(id, name, timeZone, defaultLanguage, languages, active, qualifyingActions, texts, keywords,
                points, quiz, spin, challenges, badges, tiers, tierPolicy, leaderboard, catalogue, outreach, retention,
                mechanics);
    }

    /** The catalogue reward with this id. */
    public Optional<CatalogueItem> catalogueItem(String itemId) {
        return catalogue.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    /** Whether the campaign includes a mechanic (and therefore needs its texts). */
    public boolean has(Mechanic mechanic) {
        return switch (mechanic) {
            case CORE, DATA_RIGHTS -> true;
            case QUIZ -> quiz.isPresent();
            case SPIN -> spin.isPresent();
            case CHALLENGES -> !challenges.isEmpty();
            case BADGES -> !badges.isEmpty();
            case TIERS -> !tiers.isEmpty();
            case LEADERBOARD -> leaderboard.isPresent();
            case CATALOGUE -> !catalogue.isEmpty();
            case INACTIVITY_REMINDER, REWARD_EXPIRING_REMINDER, POINTS_EXPIRING_REMINDER,
                    CHALLENGE_UNFINISHED_REMINDER, STREAK_AT_RISK_REMINDER, LEADERBOARD_RESULT_REMINDER,
                    BIRTHDAY_REMINDER, FRIEND_JOINED_REMINDER -> outreach.reminder(mechanic.reminder().orElseThrow())
                    .isPresent();
        };
    }

    /** Whether the games are open at {@code instant}. */
    public boolean isActiveAt(Instant instant) {
        return active.contains(instant);
    }

    /** The language to use for {@code language}: itself if the campaign speaks it, else the default. */
    public String languageOrDefault(String language) {
        return language != null && languages.contains(language) ? language : defaultLanguage;
    }

    /** The highest tier whose threshold {@code pointsEarned} reaches; empty below the first. */
    public Optional<Tier> tierFor(long pointsEarned) {
        Tier reached = null;
        for (Tier tier : tiers) {
            if (pointsEarned >= tier.threshold()) {
                reached = tier;
            }
        }
        return Optional.ofNullable(reached);
    }

    /** The first tier {@code pointsEarned} has not reached; empty at the top. */
    public Optional<Tier> nextTier(long pointsEarned) {
        return tiers.stream().filter(t -> pointsEarned < t.threshold()).findFirst();
    }

    public Optional<Challenge> challenge(String challengeId) {
        return challenges.stream().filter(c -> c.id().equals(challengeId)).findFirst();
    }

    public Optional<Badge> badge(String badgeId) {
        return badges.stream().filter(b -> b.id().equals(badgeId)).findFirst();
    }

    public Optional<Tier> tier(String tierId) {
        return tiers.stream().filter(t -> t.id().equals(tierId)).findFirst();
    }
}
