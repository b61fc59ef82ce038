package io.playloop.games.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.text.Bidi;
import org.junit.jupiter.api.Test;

// Unit tier: the progress bar a customer sees toward the next tier or a challenge, in en, fr and ar.
class ProgressBarTest {
    private static final String NBSP = "\u00a0";

    @Test
    void sixtyOfAHundred_inFiveCells() {
        assertThat(ProgressBar.render(60, 100, 5)).isEqualTo("▰▰▰▱▱ 60" + NBSP + "%");
        assertThat(ProgressBar.toGo(60, 100)).isEqualTo(40);
    }

    @Test
    void almostThere_isNeverShownAsDone() {
        assertThat(ProgressBar.render(999, 1000, 5)).isEqualTo("▰▰▰▰▱ 99" + NBSP + "%");
        assertThat(ProgressBar.toGo(999, 1000)).isEqualTo(1);
    }

    @Test
    void beyondTheTarget_staysAtAHundredPercent_withNothingToGo() {
        assertThat(ProgressBar.render(250, 100, 5)).isEqualTo("▰▰▰▰▰ 100" + NBSP + "%");
        assertThat(ProgressBar.toGo(250, 100)).isZero();
    }

    @Test
    void nothingYet_orANegativeFigure_showsAnEmptyBar() {
        assertThat(ProgressBar.render(0, 3, 3)).isEqualTo("▱▱▱ 0" + NBSP + "%");
        assertThat(ProgressBar.render(-5, 3, 3)).isEqualTo("▱▱▱ 0" + NBSP + "%");
        assertThat(ProgressBar.toGo(-5, 3)).isEqualTo(3);
    }

    @Test
    void twoOfThreeFriends_inAOneCellBar_andInAThreeCellBar() {
        assertThat(ProgressBar.render(2, 3, 1)).isEqualTo("▱ 66" + NBSP + "%");
        assertThat(ProgressBar.render(2, 3, 3)).isEqualTo("▰▰▱ 66" + NBSP + "%");
    }

    @Test
    void hugeFigures_doNotOverflow() {
        assertThat(ProgressBar.percent(Long.MAX_VALUE - 1, Long.MAX_VALUE)).isEqualTo(99);
        assertThat(ProgressBar.render(Long.MAX_VALUE / 2, Long.MAX_VALUE, 10)).startsWith("▰▰▰▰▱▱▱▱▱▱ 49");
    }

    @Test
    void badSizes_areRefusedWithTheReason() {
        assertThatThrownBy(() -> ProgressBar.render(1, 10, 0)).hasMessage("width must be 1 to 20, was 0");
        assertThatThrownBy(() -> ProgressBar.render(1, 0, 5)).hasMessage("target must be at least 1, was 0");
    }

    @Test
    void inArabic_theBarIsARightToLeftIsolate_byteForByte() {
        String bar = ProgressBar.renderFor(60, 100, 5, "ar");

        assertThat(bar).isEqualTo("\u2067▰▰▰▱▱ 60\u00a0%\u2069");
        assertThat(bar.getBytes(StandardCharsets.UTF_8)).startsWith(0xE2, 0x81, 0xA7).endsWith(0xE2, 0x81, 0xA9);
    }

    @Test
    void inAnArabicSentence_theBarFillsFromTheRight_andReads60Percent() {
        String message = "بقي 40 نقطة للذهبي " + ProgressBar.renderFor(60, 100, 5, "ar");

        String visual = visualOrder(message);

        // Left to right on screen: "% 60 ▱▱▰▰▰": read from the right, the filled cells come first.
        assertThat(visual).contains("%" + NBSP + "60 ▱▱▰▰▰");
    }

    @Test
    void inEnglishOrFrench_theBarIsALeftToRightIsolate_thatSurvivesAnArabicNameBeforeIt() {
        assertThat(ProgressBar.renderFor(60, 100, 5, "fr")).isEqualTo("\u2066▰▰▰▱▱ 60\u00a0%\u2069");

        String message = "سارة " + ProgressBar.renderFor(60, 100, 5, "en") + " to Gold, 40 points to go";

        assertThat(visualOrder(message)).contains("▰▰▰▱▱ 60" + NBSP + "%");
        // Without the isolate, the same message shows the bar backwards, which is why renderFor exists.
        assertThat(visualOrder("سارة " + ProgressBar.render(60, 100, 5) + " to Gold, 40 points to go"))
                .doesNotContain("▰▰▰▱▱ 60");
    }

    // The characters in display order, left to right, as the Unicode bidi algorithm (which WhatsApp's
    // clients apply) lays them out, paragraph direction taken from the first strong character.
    private static String visualOrder(String logical) {
        Bidi bidi = new Bidi(logical, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        int n = logical.length();
        byte[] levels = new byte[n];
        Character[] chars = new Character[n];
        for (int i = 0; i < n; i++) {
            levels[i] = (byte) bidi.getLevelAt(i);
            chars[i] = logical.charAt(i);
        }
        Bidi.reorderVisually(levels, 0, chars, 0, n);
        StringBuilder out = new StringBuilder(n);
        for (Character c : chars) {
            if (c != '\u2066' && c != '\u2067' && c != '\u2069') {
                out.append(c.charValue());
            }
        }
        return out.toString();
    }
}
