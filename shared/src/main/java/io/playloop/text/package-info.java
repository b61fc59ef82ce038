/**
 * PlayLoop's one text system, which every floor may use: {@link io.playloop.text.Template} (a campaign text with
 * its CLDR plural forms and its {@code without_} forms), {@link io.playloop.text.PluralRules} (built in per
 * language), {@link io.playloop.text.Numbers} and {@link io.playloop.text.Dates} (numbers, times and weeks as each
 * language writes them), {@link io.playloop.text.LanguageDefaults} (calling codes and scripts to languages),
 * {@link io.playloop.text.TextLint} (every text rendered with many values, checked as a customer would read it)
 * and the {@link io.playloop.text.TextNormalizer} that folds what a customer typed into the form keywords are
 * matched in. Pure: it imports nothing from the engine, the store or the scheduler, so configuration
 * ({@code io.playloop.campaign}) can depend on it.
 */
package io.playloop.text;
