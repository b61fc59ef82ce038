package io.playloop.mechanic.scratch;

import io.playloop.mechanic.TextSpec;
import java.util.List;
import java.util.Map;

/** The scratch card's texts and keywords, with their en/fr/ar defaults (a campaign overrides them in {@code scratch:}). */
final class ScratchTexts {
    static final String WON_DISCOUNT = "scratch_won_discount";
    static final String WON_POINTS = "scratch_won_points";
    static final String TRY_AGAIN = "scratch_try_again";
    static final String DONE_TODAY = "scratch_done_today";
    static final String MENU = "menu_scratch";
    static final String MENU_DESCRIPTION = "menu_scratch_description";
    static final String BUTTON = "button_scratch";

    static final Map<String, List<String>> KEYWORDS = Map.of(
            "en", List.of("scratch", "scratch card"),
            "fr", List.of("gratter", "ticket"),
            "ar", List.of("اكشط", "بطاقة"));

    static final TextSpec SPEC = new TextSpec(Map.of(
            WON_DISCOUNT, Map.of(
                    "en", "🎟️ You scratched… {{prize}}! Your code: {{code}} (valid until {{valid_until}}).",
                    "fr", "🎟️ Vous avez gratté… {{prize}} ! Votre code : {{code}} (valable jusqu'au {{valid_until}}).",
                    "ar", "🎟️ كشطت… {{prize}}! رمزك: {{code}} (صالح حتى {{valid_until}})."),
            WON_POINTS, Map.of(
                    "en", "🎟️ You scratched… {{prize}}! +{{earned}} points, your balance is {{points}}.",
                    "fr", "🎟️ Vous avez gratté… {{prize}} ! +{{earned}} points, votre solde : {{points}}.",
                    "ar", "🎟️ كشطت… {{prize}}! +{{earned}} نقاط، رصيدك {{points}}."),
            TRY_AGAIN, Map.of(
                    "en", "🎟️ No win on today's card. Scratch again tomorrow!",
                    "fr", "🎟️ Pas de gain sur le ticket du jour. Grattez à nouveau demain !",
                    "ar", "🎟️ لا ربح في بطاقة اليوم. اكشط مجدداً غداً!"),
            DONE_TODAY, Map.of(
                    "en", "You've scratched today's card. A new one is waiting from {{next}}.",
                    "fr", "Vous avez gratté le ticket du jour. Un nouveau vous attend dès le {{next}}.",
                    "ar", "كشطت بطاقة اليوم. بطاقة جديدة بانتظارك ابتداءً من {{next}}."),
            MENU, Map.of(
                    "en", "🎟️ Scratch card",
                    "fr", "🎟️ Ticket à gratter",
                    "ar", "🎟️ بطاقة الكشط"),
            MENU_DESCRIPTION, Map.of(
                    "en", "One free card a day: discounts and points",
                    "fr", "Un ticket gratuit par jour : réductions et points",
                    "ar", "بطاقة مجانية كل يوم: خصومات ونقاط"),
            BUTTON, Map.of(
                    "en", "Scratch",
                    "fr", "Gratter",
                    "ar", "اكشط")));

    private ScratchTexts() {
    }
}
