package io.playloop.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {
    @Test
    void aPhoneNumber_keepsOnlyItsLastFourDigits() {
        assertThat(Masking.phone("16505551234")).isEqualTo("*******1234");
        assertThat(Masking.phone("+33612345678")).isEqualTo("+*******5678");
    }

    @Test
    void aMegabyteLongId_neverFillsALogLine() {
        String huge = "9".repeat(1024 * 1024);

        assertThat(Masking.phone(huge)).hasSizeLessThan(60).endsWith("9999").contains("1048576 chars");
        assertThat(Masking.id("wamid." + "W".repeat(3_000))).hasSizeLessThan(120).contains("3006 chars");
        assertThat(Masking.id("wamid.SHORT")).isEqualTo("wamid.SHORT");
    }

    @Test
    void anException_isNamedWithWhereItWasThrown_neverWithItsMessage() {
        RuntimeException e = new IllegalStateException("+33612345678 wrote: my secret text",
                new IllegalArgumentException("Léa"));

        String logged = Masking.error(e);

        assertThat(logged).startsWith("IllegalStateException at MaskingTest.")
                .endsWith("<- IllegalArgumentException").doesNotContain("33612345678").doesNotContain("Léa");
    }
}
