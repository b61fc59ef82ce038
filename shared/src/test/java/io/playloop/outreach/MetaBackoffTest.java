package io.playloop.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetaBackoffTest {
    @Test
    void waitsGrowWithEachRefusalAndThePerUserMarketingLimitWaitsADay() {
        assertThat(MetaBackoff.after(MetaBackoff.THROUGHPUT, 0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MetaBackoff.after(MetaBackoff.THROUGHPUT, 3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(MetaBackoff.after(MetaBackoff.THROUGHPUT, 30)).isEqualTo(Duration.ofHours(6));
        assertThat(MetaBackoff.after(MetaBackoff.PAIR_RATE, 0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MetaBackoff.after(MetaBackoff.PAIR_RATE, 2)).isEqualTo(Duration.ofSeconds(96));
        assertThat(MetaBackoff.after(MetaBackoff.NOT_DELIVERED, 0)).isEqualTo(Duration.ofHours(24));
    }
}
