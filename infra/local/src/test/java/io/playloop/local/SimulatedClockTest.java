package io.playloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {
    private static final Instant SYSTEM_NOW = Instant.parse("2026-11-23T09:00:00Z");

    private final MutableClock system = new MutableClock(SYSTEM_NOW);
    private final SimulatedClock clock = new SimulatedClock(system);

    @Test
    void readsTheSystemTime_untilShifted_andKeepsRunning() {
        assertThat(clock.instant()).isEqualTo(SYSTEM_NOW);
        system.now = SYSTEM_NOW.plusSeconds(5);
        assertThat(clock.instant()).isEqualTo(SYSTEM_NOW.plusSeconds(5));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void advance_movesEveryLaterReadingForward() {
        clock.advance(Duration.ofHours(72));
        assertThat(clock.instant()).isEqualTo(SYSTEM_NOW.plus(Duration.ofHours(72)));

        system.now = SYSTEM_NOW.plusSeconds(1);
        assertThat(clock.instant()).isEqualTo(SYSTEM_NOW.plus(Duration.ofHours(72)).plusSeconds(1));
        assertThat(clock.millis()).isEqualTo(clock.instant().toEpochMilli());
    }

    @Test
    void set_jumpsToTheGivenInstant_andRunsOnFromThere() {
        Instant target = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(clock.set(target)).isEqualTo(target);

        system.now = SYSTEM_NOW.plusSeconds(30);
        assertThat(clock.instant()).isEqualTo(target.plusSeconds(30));
    }

    @Test
    void aZonedView_sharesTheShift() {
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
        clock.advance(Duration.ofDays(1));
        assertThat(paris.instant()).isEqualTo(SYSTEM_NOW.plus(Duration.ofDays(1)));
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void concurrentAdvances_allCount() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                done.add(pool.submit(() -> clock.advance(Duration.ofSeconds(1))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(clock.instant()).isEqualTo(SYSTEM_NOW.plusSeconds(1000));
    }

    /** A system clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
