package io.playloop.engine;

import io.playloop.text.LanguageDefaults;
import io.playloop.campaign.Campaign;
import io.playloop.whatsapp.inbound.InboundMessage;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the customer's language after a message:
 * <ol>
 *   <li>the language the customer chose with LANG ({@code LANG fr}, a tapped language button);</li>
 *   <li>the language of the keyword used, when the keyword belongs to exactly one language;</li>
 *   <li>a keyword of several languages ({@code points} is en and fr) keeps the stored language; a new
 *       customer gets the language of their country if it is one of them, else the default language if it
 *       is, else the first of them in the campaign's order;</li>
 *   <li>text that matched nothing and is mostly in a script the language defaults tie to a language (Arabic
 *       script → ar) switches to that language;</li>
 *   <li>otherwise the stored language stays; a new customer gets the language of their country (from the
 *       wa_id calling code), else the default language.</li>
 * </ol>
 */
final class LanguagePolicy {
    private final LanguageDefaults catalog;
    private final List<String> languages;
    private final String defaultLanguage;

    LanguagePolicy(Campaign campaign, LanguageDefaults catalog) {
        this.catalog = catalog;
        this.languages = campaign.languages();
        this.defaultLanguage = campaign.defaultLanguage();
    }

    String choose(Customer current, InboundMessage message, Resolution resolution) {
        if (resolution.chosenLanguage() != null) {
            return resolution.chosenLanguage(); // LANG fr, or a tapped language: the customer said so
        }
        String stored = current != null && languages.contains(current.language()) ? current.language() : null;
        Set<String> candidates = resolution.keywordLanguages();
        if (candidates.size() == 1) {
            return candidates.iterator().next();
        }
        if (candidates.size() > 1) {
            return stored != null ? stored : preferred(message, current, candidates);
        }
        if (resolution.intent() == Intent.UNKNOWN) {
            Optional<String> byScript = catalog.languageOfScript(resolution.text()).filter(languages::contains);
            if (byScript.isPresent()) {
                return byScript.get();
            }
        }
        return stored != null ? stored : countryOrDefault(message, current);
    }

    private String preferred(InboundMessage message, Customer current, Set<String> candidates) {
        String country = countryOrDefault(message, current);
        if (candidates.contains(country)) {
            return country;
        }
        if (candidates.contains(defaultLanguage)) {
            return defaultLanguage;
        }
        return languages.stream().filter(candidates::contains).findFirst().orElse(defaultLanguage);
    }

    /** The language of a phone number's country, else the campaign's default (a customer the shop reported). */
    String ofNumber(String waId) {
        return catalog.languageOfCountry(waId).filter(languages::contains).orElse(defaultLanguage);
    }

    private String countryOrDefault(InboundMessage message, Customer current) {
        String waId = message.waId() != null && !message.waId().isBlank() ? message.waId()
                : current != null ? current.waId() : null;
        return catalog.languageOfCountry(waId).filter(languages::contains).orElse(defaultLanguage);
    }
}
