/**
 * Text handling every floor may use: today the {@link io.playloop.text.TextNormalizer} that folds what a customer
 * typed into the form keywords are matched in. Pure: it imports nothing from the engine, the store or the
 * scheduler, so configuration ({@code io.playloop.campaign}) can depend on it.
 */
package io.playloop.text;
