package io.playloop.games.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

// Unit tier: a tapped quiz button is trusted only if PlayLoop signed it for this customer.
class OptionIdsTest {
    private static final OptionIds IDS = new OptionIds("local-app-secret-for-tests".getBytes(StandardCharsets.UTF_8));
    private static final String CUSTOMER = "447700900123";

    @Test
    void aSignedId_verifiesBackToItsQuestionSendingAndOption() {
        String id = IDS.sign(CUSTOMER, "capital-fr", 42, "paris");

        assertThat(id).matches("q:capital-fr:16:paris:[A-Za-z0-9_-]{8}");
        assertThat(IDS.verify(CUSTOMER, id)).contains(new OptionRef("capital-fr", 42, "paris"));
    }

    @Test
    void idsWithTheLongestAllowedNames_fitInBothAButtonAndAListRow() {
        String forty = "x".repeat(40);

        String id = IDS.sign(CUSTOMER, forty, Long.MAX_VALUE / 1000, forty);

        assertThat(id.length()).isLessThanOrEqualTo(200);
        assertThat(IDS.verify(CUSTOMER, id)).isPresent();
    }

    @Test
    void changingTheOption_theQuestionOrTheRound_breaksTheSignature() {
        String id = IDS.sign(CUSTOMER, "capital-fr", 42, "lyon");

        assertThat(IDS.verify(CUSTOMER, id.replace(":lyon:", ":paris:"))).isEmpty();
        assertThat(IDS.verify(CUSTOMER, id.replace("capital-fr", "capital-es"))).isEmpty();
        assertThat(IDS.verify(CUSTOMER, id.replace(":16:", ":17:"))).isEmpty();
    }

    @Test
    void everySingleCharacterChange_isRejected() {
        String id = IDS.sign(CUSTOMER, "capital-fr", 42, "paris");
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:";
        for (int i = 0; i < id.length(); i++) {
            for (char c : alphabet.toCharArray()) {
                if (c != id.charAt(i)) {
                    String tampered = id.substring(0, i) + c + id.substring(i + 1);
                    assertThat(IDS.verify(CUSTOMER, tampered)).as(tampered).isEmpty();
                }
            }
        }
    }

    @Test
    void anIdSignedForAnotherCustomer_orWithAnotherKey_isRejected() {
        String id = IDS.sign(CUSTOMER, "capital-fr", 42, "paris");

        assertThat(IDS.verify("33612345678", id)).isEmpty();
        assertThat(new OptionIds("another-secret-of-16+bytes".getBytes(StandardCharsets.UTF_8)).verify(CUSTOMER, id))
                .isEmpty();
    }

    @Test
    void garbage_isRejectedQuietly() {
        for (String junk : new String[] {null, "", "q", "q::::", "cmd:POINTS", "q:a:1:b", "q:a:1:b:c:d",
                "q:a:-1:b:AAAAAAAA", "q:a:zzzzzzzzzzzzz:b:AAAAAAAA", "q:a b:1:c:AAAAAAAA", "q:" + "a".repeat(300),
                "q:سؤال:1:أ:AAAAAAAA", "q:a:0:b:AAAAAAAA"}) {
            assertThat(IDS.verify(CUSTOMER, junk)).as(String.valueOf(junk)).isEqualTo(Optional.empty());
        }
    }

    @Test
    void aShortKey_orAnIdThatWouldNotParse_isRefusedWhenSigning() {
        assertThatThrownBy(() -> new OptionIds(new byte[8])).hasMessageContaining("at least 16 bytes");
        assertThatThrownBy(() -> IDS.sign(CUSTOMER, "capital:fr", 1, "paris")).hasMessageContaining("questionId");
        assertThatThrownBy(() -> IDS.sign(CUSTOMER, "capital-fr", 0, "paris")).hasMessageContaining("round");
    }
}
