package io.playloop.games.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

// Unit tier: the code a customer shares, the link, and finding the code in what a friend sends.
class ReferralCodeTest {
    static final byte[] SECRET = "local-referral-secret".getBytes(StandardCharsets.UTF_8);
    private static final ReferralCodeParser PARSER = new ReferralCodeParser(SECRET);
    private static final ReferralCode AMINA = ReferralCode.of("+966501234567", SECRET);

    @Test
    void aCustomerAlwaysGetsTheSameCode_andAnotherCustomerAnotherOne() {
        assertThat(ReferralCode.of("+966501234567", SECRET)).isEqualTo(AMINA);
        assertThat(ReferralCode.of("+33612345678", SECRET)).isNotEqualTo(AMINA);
        assertThat(AMINA.value()).hasSize(8).matches("[2-9A-HJKMNP-Z]{8}");
        assertThat(AMINA.belongsTo("+966501234567", SECRET)).isTrue();
    }

    @Test
    void whenTheCodeIsTaken_theNextAttemptGivesAnotherValidCode() {
        ReferralCode second = ReferralCode.of("+966501234567", SECRET, 1);
        assertThat(second).isNotEqualTo(AMINA).isNotEqualTo(ReferralCode.of("+966501234567", SECRET, 2));
        assertThat(PARSER.find("code " + second.value())).contains(second);
    }

    @Test
    void anotherSecret_givesAnotherCode_soCodesCannotBeForgedFromPhoneNumbers() {
        assertThat(ReferralCode.of("+966501234567", "other".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(AMINA);
        assertThat(ReferralCode.verify(AMINA.value(), "other".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void link_opensTheBusinessChat_withTheArabicTextAndCodeTyped() {
        String link = ReferralLink.of("+966 11 000 0001", "مرحبا! رمزي {{code}}", AMINA);

        assertThat(link).startsWith("https://wa.me/966110000001?text=").doesNotContain("+").doesNotContain(" ");
        String text = URLDecoder.decode(link.substring(link.indexOf("text=") + 5), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("مرحبا! رمزي " + AMINA.value());
        assertThat(PARSER.find(text)).contains(AMINA);
    }

    @Test
    void link_withoutPlaceholder_appendsTheCode() {
        assertThat(ReferralLink.prefilledText("Salut ! Je viens de la part d'un ami", AMINA))
                .isEqualTo("Salut ! Je viens de la part d'un ami " + AMINA.value());
    }

    @Test
    void theCodeIsFound_typedInLowerCase_withADash_insideFrenchText() {
        String v = AMINA.value().toLowerCase();
        assertThat(PARSER.find("bonjour, mon code c'est " + v + " merci")).contains(AMINA);
        assertThat(PARSER.find("code: " + v.substring(0, 4) + "-" + v.substring(4) + "!")).contains(AMINA);
        assertThat(PARSER.find("\u2067رمزي:" + AMINA.value() + "\u2069")).contains(AMINA);
    }

    @Test
    void theCodeIsFound_typedWithArabicIndicDigits() {
        StringBuilder arabic = new StringBuilder();
        AMINA.value().chars().forEach(c -> arabic.append(Character.isDigit(c) ? (char) ('\u0660' + c - '0') : (char) c));
        assertThat(PARSER.find("رمز " + arabic)).contains(AMINA);
    }

    @Test
    void aTypo_anOrdinaryWord_orACodeGluedToOtherLetters_isNotACode() {
        char last = AMINA.value().charAt(7);
        String typo = AMINA.value().substring(0, 7) + (last == 'Z' ? 'Y' : 'Z');
        assertThat(PARSER.find("my code " + typo)).isEmpty();
        assertThat(PARSER.find("PASSWORD and BIRTHDAY")).isEmpty();
        assertThat(PARSER.find("X" + AMINA.value())).isEmpty();
        assertThat(PARSER.find((String) null)).isEmpty();
    }

    @Test
    void aClickToWhatsAppAd_carriesTheCodeInItsUrl() {
        AdReferral ad = new AdReferral(Optional.of("https://fb.me/3cr4Wqqkv?ref=" + AMINA.value()),
                Optional.of("Chat with us"), Optional.of("Summer Succulents are here!"));
        assertThat(PARSER.find(Optional.of("Can I get more info about this?"), Optional.of(ad))).contains(AMINA);
        assertThat(PARSER.find(Optional.of("hi"), Optional.empty())).isEmpty();
    }

    @Test
    void aCodeSurvivesItsTextRoundTrip() {
        assertThat(ReferralCode.verify(AMINA.value(), SECRET)).contains(AMINA);
        assertThat(Referral.pending("a", "b", AMINA, Instant.EPOCH).state()).isEqualTo(ReferralState.PENDING);
    }
}
