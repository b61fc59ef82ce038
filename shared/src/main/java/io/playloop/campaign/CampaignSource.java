package io.playloop.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active campaign for the game function, read from the table and kept for a short while.
 *
 * <p>Once per {@code ttl} it reads the active pointer (one small GetItem); only when the pointer names
 * another version does it read and validate that version's JSON. When the table names no campaign it
 * plays the fallback (the bundled demo), so a fresh local cloud plays the demo. When the table cannot be
 * read or holds something unreadable, it keeps playing what it had and tries again after another
 * {@code ttl}; with nothing to keep, the error propagates (the message is retried, never played against
 * a campaign nobody chose).
 *
 * <p>Thread-safe; the clock is injected so tests move time.
 */
public final class CampaignSource {
    /** How long a read stays fresh when the configuration does not say. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(CampaignSource.class);

    private final CampaignStore store;
    private final Clock clock;
    private final Duration ttl;
    private final Supplier<Campaign> fallback;

    private ActiveCampaign current;
    private Instant checkedAt;

    /**
     * @param store    the table (or a fake)
     * @param clock    the time source
     * @param ttl      how long a read stays fresh; zero reads on every call
     * @param fallback what plays when the table names no campaign (usually {@link DemoCampaign#get()})
     */
    public CampaignSource(CampaignStore store, Clock clock, Duration ttl, Supplier<Campaign> fallback) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative");
        }
    }

    /** A source over the table that falls back to the bundled demo, with the default time to live. */
    public static CampaignSource withDemoFallback(CampaignStore store, Clock clock) {
        return new CampaignSource(store, clock, DEFAULT_TTL, DemoCampaign::get);
    }

    /** The campaign that plays now. */
    public Campaign campaign() {
        return current().campaign();
    }

    /** The campaign that plays now, with the pointer it was read through. */
    public synchronized ActiveCampaign current() {
        Instant now = clock.instant();
        if (current != null && now.isBefore(checkedAt.plus(ttl))) {
            return current;
        }
        try {
            current = refresh();
        } catch (RuntimeException e) {
            if (current == null) {
                throw e;
            }
            LOG.atWarn().setCause(e)
                    .addKeyValue("campaign", current.campaign().id())
                    .addKeyValue("retryInSeconds", ttl.toSeconds())
                    .log("cannot read the active campaign; keeping the one in use");
        }
        checkedAt = now;
        return current;
    }

    private ActiveCampaign refresh() {
        Optional<ActivePointer> pointer = store.activePointer();
        if (pointer.isEmpty()) {
            if (current == null || !current.isBundledDemo()) {
                Campaign demo = fallback.get();
                LOG.atInfo().addKeyValue("campaign", demo.id())
                        .log("no active campaign in the table; playing the bundled demo");
                return new ActiveCampaign(demo, Optional.empty());
            }
            return current;
        }
        ActivePointer active = pointer.get();
        if (current != null && active.sameVersionAs(current.pointer().orElse(null))) {
            return new ActiveCampaign(current.campaign(), pointer);
        }
        String where = StoredVersion.describe(active.campaignId(), active.version());
        String json = store.versionJson(active.campaignId(), active.version()).orElseThrow(() ->
                new IllegalStateException("the active pointer names " + where + ", which is not in the table"));
        Campaign campaign = CampaignLoader.fromJson(json, "table:" + where);
        if (!campaign.id().equals(active.campaignId())) {
            throw new IllegalStateException("the item of " + where + " holds campaign " + campaign.id());
        }
        LOG.atInfo().addKeyValue("campaign", campaign.id()).addKeyValue("version", active.version())
                .log("active campaign loaded");
        return new ActiveCampaign(campaign, pointer);
    }
}
