package io.playloop.campaign;

/**
 * Meta's template categories. The category sets the price of a delivered template (see {@link FeeTable}) and
 * what the template may say: Meta re-categorises a template whose content does not fit.
 * The format writes them lower case ({@code marketing}, {@code utility}, {@code authentication}).
 */
public enum TemplateCategory {
    /** Promotions, offers, re-engagement: anything with promotional intent (nudges, birthday bonuses). */
    MARKETING,
    /** Tied to the customer's own account or transaction, not promotional (a code about to expire). */
    UTILITY,
    /** One-time passcodes only: priced in the table for completeness, never used by a reminder. */
    AUTHENTICATION
}
