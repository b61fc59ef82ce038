package io.playloop.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrmContactTest {
    @Test
    void deliveryId_isCustomerKeyAndVersion() {
        assertThat(CrmFixtures.arabicContact(41).deliveryId()).isEqualTo("212612345678:41");
        assertThat(CrmFixtures.arabicContact(41).phoneDigits()).isEqualTo("212612345678");
    }

    @Test
    void aPhoneNotInE164_isRefused_withoutPrintingIt() {
        assertThatThrownBy(() -> new CrmContact("33612345678", "06 12 34 56 78", null, "fr", 0, 0, null, null, null,
                false, null, null, null, 1)).hasMessageContaining("E.164").hasMessageNotContaining("12 34 56 78");
    }

    @Test
    void blankKeyOrNegativeVersion_isRefused() {
        assertThatThrownBy(() -> new CrmContact(" ", null, null, null, 0, 0, null, null, null, false, null, null, null, 1))
                .hasMessageContaining("customer key");
        assertThatThrownBy(() -> new CrmContact("1", null, null, null, 0, 0, null, null, null, false, null, null, null, -1))
                .hasMessageContaining("version");
    }

    @Test
    void badges_areCopied_soTheContactCannotChangeAfterwards() {
        List<String> badges = new ArrayList<>(List.of("first_quiz"));
        CrmContact contact = new CrmContact("1", null, null, null, 0, 0, null, null, badges, false, null, null, null, 1);
        badges.add("streak_7");

        assertThat(contact.badgeIds()).containsExactly("first_quiz");
    }

    @Test
    void toString_masksTheCustomer() {
        assertThat(CrmFixtures.arabicContact(1).toString()).doesNotContain("212612345678").contains("5678")
                .doesNotContain(CrmFixtures.ARABIC_NAME);
    }
}
