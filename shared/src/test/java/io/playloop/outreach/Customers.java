package io.playloop.outreach;

import io.playloop.campaign.Campaign;
import io.playloop.campaign.DemoCampaign;
import io.playloop.engine.Consent;
import io.playloop.engine.Customer;
import io.playloop.engine.Progress;
import io.playloop.engine.WalletEntry;
import io.playloop.games.challenge.Streak;
import io.playloop.ledger.PointsAccount;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Customers as the game leaves them, for the scheduler's pure rules. */
final class Customers {
    static final Campaign DEMO = DemoCampaign.get();

    private Customers() {
    }

    /** Léa, French number, opted in, last wrote at {@code lastInbound}. */
    static Customer lea(Instant lastInbound) {
        return new Customer("33612345678", "33612345678", null, "Léa", "fr", 0,
                new Consent(true, lastInbound, "wamid.start"), lastInbound, lastInbound, 3);
    }

    static Customer stopped(Customer c) {
        return c.withConsent(new Consent(false, c.lastInboundAt(), "wamid.stop"));
    }

    static Progress progress(List<WalletEntry> wallet, Map<String, String> attributes, Streak streak) {
        return new Progress(Map.of(), Map.of(), streak, Map.of(), Set.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, 0, 0, Optional.empty(), wallet, attributes);
    }

    static CustomerView view(Customer customer, Progress progress, Instant asOf) {
        return new CustomerView(DEMO, customer, PointsAccount.empty(), progress, asOf);
    }

    static CustomerView view(Customer customer, Instant asOf) {
        return view(customer, progress(List.of(), Map.of(), Streak.NONE), asOf);
    }
}
