/**
 * Proactive outreach, planned without I/O: which reminders exist ({@link io.playloop.outreach.ReminderKind}), their
 * priority classes and the per-customer contact budget, what is due for a customer and when to look again
 * ({@link io.playloop.outreach.ReminderPlanner}, {@link io.playloop.outreach.VisitPlanner}), the stored
 * {@link io.playloop.outreach.Schedule} value, the 24-hour window and Meta's sending limits as rules. No import from
 * the store, the scheduling service or the AWS SDK, so configuration ({@code io.playloop.campaign}) and the store can
 * use its values; {@code io.playloop.scheduling} runs it against the table and the Graph API.
 */
package io.playloop.outreach;
