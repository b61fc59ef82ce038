/**
 * The pure values of proactive outreach that configuration and the scheduler share: which reminders exist
 * ({@link io.playloop.outreach.ReminderKind}), their priority classes ({@link io.playloop.outreach.Priority}) and
 * the per-customer contact budget ({@link io.playloop.outreach.ContactBudget}). No I/O and no import from the
 * scheduler, the store or the engine, so {@code io.playloop.campaign} can read them without depending on the
 * scheduler.
 */
package io.playloop.outreach;
