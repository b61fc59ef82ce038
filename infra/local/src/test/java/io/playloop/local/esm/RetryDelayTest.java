package io.playloop.local.esm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.playloop.definitions.QueueDefinition;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryDelayTest {
    private static final QueueDefinition INBOUND = new QueueDefinition("InboundQueue", "inbound-queue.fifo", true,
            false, 180, 345_600, "InboundDeadLetterQueue", 5);

    @Test
    void parsesDurationsSecondsAndFromTemplate() {
        assertThat(RetryDelay.parse("PT2S").visibilitySeconds()).isEqualTo(2);
        assertThat(RetryDelay.parse("5").visibilitySeconds()).isEqualTo(5);
        assertThat(RetryDelay.parse("7s").visibilitySeconds()).isEqualTo(7);
        assertThat(RetryDelay.parse("PT0.5S").visibilitySeconds()).isEqualTo(1);
        assertThat(RetryDelay.parse("from-template")).isEqualTo(RetryDelay.FROM_TEMPLATE);
    }

    @Test
    void fromTemplate_usesTheQueuesVisibilityTimeout() {
        assertThat(RetryDelay.FROM_TEMPLATE.visibilitySeconds()).isEqualTo(-1);
        assertThat(RetryDelay.FROM_TEMPLATE.effective(INBOUND)).isEqualTo(Duration.ofSeconds(180));
        assertThat(RetryDelay.DEFAULT.effective(INBOUND)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void refusesWhatSqsCannotDo() {
        assertThatThrownBy(() -> RetryDelay.parse("soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT2S");
        assertThatThrownBy(() -> RetryDelay.parse("PT13H")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryDelay.parse("-PT1S")).isInstanceOf(IllegalArgumentException.class);
    }
}
