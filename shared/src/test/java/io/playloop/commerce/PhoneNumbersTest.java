package io.playloop.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {
    private final PhoneNumbers france = new PhoneNumbers("FR");

    @ParameterizedTest
    @ValueSource(strings = {"+33 6 12 34 56 78", "0612345678", "06 12 34 56 78", "06.12.34.56.78", "33612345678",
            "0033612345678", "+33612345678", "+33 (0)6 12 34 56 78", " +33-6-12-34-56-78 "})
    void everyWayAShopWritesLeasNumber_isOneCustomer(String written) {
        assertThat(france.customerKey(written)).isEqualTo("33612345678");
    }

    @Test
    void aNationalNumber_isReadInTheGivenRegion_elseTheDefault() {
        assertThat(new PhoneNumbers("GB").customerKey("07400 123456")).isEqualTo("447400123456");
        assertThat(france.customerKey("07400 123456", "GB")).isEqualTo("447400123456");
        assertThat(france.customerKey("050 123 4567", "AE")).isEqualTo("971501234567");
        assertThat(france.customerKey("+971 50 123 4567")).isEqualTo("971501234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "06 12", "+33 6 12 34 56 78 99 00", "not a phone", "+999 123456789", "0000000000"})
    void anInvalidNumber_isRefusedWithTheReason_andTheNumberMasked(String written) {
        assertThatThrownBy(() -> france.customerKey(written))
                .isInstanceOf(PhoneNumbers.InvalidPhoneNumberException.class)
                .hasMessageContaining("region FR");
    }

    @Test
    void theRefusal_neverPrintsTheWholeNumber() {
        assertThatThrownBy(() -> france.customerKey("+33 6 12 34 56 78 99 00"))
                .hasMessageNotContaining("612345678");
    }

    @Test
    void noNumber_andAnUnknownRegion_areRefused() {
        assertThatThrownBy(() -> france.customerKey("  ")).hasMessage("no phone number");
        assertThatThrownBy(() -> new PhoneNumbers("XX")).hasMessageContaining("'XX' is not a phone region");
        assertThat(new PhoneNumbers(null).defaultRegion()).isEqualTo("FR");
        assertThat(new PhoneNumbers("ma").defaultRegion()).isEqualTo("MA");
    }
}
