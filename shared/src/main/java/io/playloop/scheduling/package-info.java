/**
 * The scheduler's I/O half: a run over the customers due in the table ({@link io.playloop.scheduling.SchedulerService}),
 * Meta's late failed statuses ({@link io.playloop.scheduling.DeliveryFailures}) and the one-off backfill of the due
 * index ({@link io.playloop.scheduling.ScheduleBackfill}). What to send and when is decided by the pure planner in
 * {@code io.playloop.outreach}.
 */
package io.playloop.scheduling;
