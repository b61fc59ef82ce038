package io.playloop.games.referral;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

// Property tier: every customer's code is found again in the text their link pre-fills, in any case.
class ReferralCodeProperties {
    private static final ReferralCodeParser PARSER = new ReferralCodeParser(ReferralCodeTest.SECRET);

    @Property(tries = 300)
    void everyCustomersCode_isFoundInItsPrefilledText(@ForAll @NumericChars @StringLength(min = 8, max = 15) String digits,
                                                      @ForAll boolean lowerCase) {
        ReferralCode code = ReferralCode.of("+" + digits, ReferralCodeTest.SECRET);
        String text = ReferralLink.prefilledText("Salut ! Code {{code}}, à bientôt", code);
        assertThat(PARSER.find(lowerCase ? text.toLowerCase() : text)).contains(code);
    }
}
