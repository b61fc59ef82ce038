package io.playloop.crm;

import io.playloop.testing.TestClock;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Contacts in three languages, a fast HTTP client, and a sleeper that advances a test clock instead of sleeping. */
final class CrmFixtures {
    static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    /** An Arabic display name with a combining mark and a Latin-digit suffix: every byte must survive. */
    static final String ARABIC_NAME = "ليلى الحسنيّ 2";
    static final byte[] ARABIC_NAME_UTF8 = ARABIC_NAME.getBytes(StandardCharsets.UTF_8);

    private CrmFixtures() {
    }

    static CrmContact arabicContact(long version) {
        return new CrmContact("212612345678", "+212612345678", ARABIC_NAME, "ar", 340, 1250, "gold", "ذهبي",
                List.of("first_quiz", "streak_7"), true, "quiz", Instant.parse("2026-11-23T09:59:12.345Z"),
                "ramadan-2026", version);
    }

    static CrmContact frenchContact(long version) {
        return new CrmContact("33612345678", "+33612345678", "Chloé Lefèvre", "fr", 20, 20, null, null, List.of(),
                false, null, null, "demo", version);
    }

    static HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    static RetryPolicy policy(int attempts, Duration budget) {
        return new RetryPolicy(attempts, Duration.ofMillis(200), Duration.ofSeconds(5), budget, Duration.ofSeconds(1));
    }

    static CrmSync sync(CrmSink sink, RetryPolicy policy, DeliveryLog log, RecordingSleeper sleeper) {
        return new CrmSync(List.of(sink), policy, log, sleeper.clock, new Random(42), sleeper);
    }

    /** Records every wait and moves the clock forward by it, so budgets are spent without sleeping. */
    static final class RecordingSleeper implements Sleeper {
        final TestClock clock;
        final List<Duration> sleeps = new ArrayList<>();

        RecordingSleeper(TestClock clock) {
            this.clock = clock;
        }

        @Override
        public synchronized void sleep(Duration duration) {
            sleeps.add(duration);
            clock.advance(duration);
        }

        synchronized Duration total() {
            return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
        }
    }
}
