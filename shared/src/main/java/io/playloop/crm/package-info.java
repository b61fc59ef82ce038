/**
 * CRM sync: pushes each customer's game state (points, tier, badges, opt-in, last game) to HubSpot, Zoho
 * CRM and a signed webhook, off the game's critical path.
 *
 * <h2>How the reward function uses it</h2>
 * <pre>{@code
 * CrmSync crm = CrmSinks.sync(CrmConfig.fromEnvironment(), crmSecrets, clock);   // once, in the constructor
 * CrmSyncResult r = crm.sync(contact, clock.instant().plusMillis(context.getRemainingTimeInMillis() - 3_000));
 * if (r.shouldRedeliver()) { batchItemFailures.add(messageId); }                 // SQS brings it back later
 * }</pre>
 * A retryable failure (timeout, 429, 5xx) is retried with exponential back-off and full jitter inside
 * the time budget; if the vendor is still down, the result asks for redelivery and SQS retries the record
 * after its visibility timeout, so the sync lands once the vendor recovers. Give the CRM queue a
 * maxReceiveCount that covers the outages you want to ride out (each receive costs one budget at most):
 * after that the record waits in the DLQ. Permanent failures (bad token, missing property, invalid data)
 * are logged and not redelivered: they need a person. Sinks run in parallel; one slow vendor does not
 * eat another's budget.
 *
 * <h2>Stale updates, vendor by vendor</h2>
 * Every contact carries the customer's state {@code version}. What each receiving end can do with it:
 * <ul>
 * <li><b>HubSpot</b>: the batch upsert has no conditional write, so HubSpot cannot refuse an older
 *     version. {@code playloop_version} is written for workflows and reports. The rewards queue being
 *     FIFO per customer keeps versions in order in practice.</li>
 * <li><b>Zoho CRM</b>: {@code If-Unmodified-Since} compares with the record's Modified_Time, which any
 *     edit in Zoho moves too, so it cannot tell an older PlayLoop version from a salesperson's edit; not
 *     used. {@code PlayLoop_Version} is written.</li>
 * <li><b>Webhook</b>: the receiver can: it gets {@code contact.version} and the delivery id (customer key
 *     and version) and should ignore a version lower than or equal to the last it stored.</li>
 * <li><b>PlayLoop's side</b>: the {@link io.playloop.crm.DeliveryLog} skips a sink that already took this
 *     or a newer version (in memory for a warm container; plug a table-backed log for more).</li>
 * </ul>
 *
 * <h2>One-time set-up in the CRMs</h2>
 * HubSpot: a private app with {@code crm.objects.contacts.read} and {@code .write}; contact properties
 * {@code playloop_customer_key} (single-line text, unique values), {@code playloop_points},
 * {@code playloop_points_earned}, {@code playloop_version} (number), {@code playloop_tier},
 * {@code playloop_tier_id}, {@code playloop_badges}, {@code playloop_last_game},
 * {@code playloop_campaign} (text), {@code playloop_opted_in} (single checkbox),
 * {@code playloop_last_game_at} (date and time). Zoho: a self client with scope
 * {@code ZohoCRM.modules.contacts.ALL}; Contacts field Phone set to "do not allow duplicate values";
 * custom fields {@code PlayLoop_Customer_Key}, {@code PlayLoop_Language}, {@code PlayLoop_Tier},
 * {@code PlayLoop_Tier_Id}, {@code PlayLoop_Badges}, {@code PlayLoop_Last_Game},
 * {@code PlayLoop_Campaign} (single line), {@code PlayLoop_Points}, {@code PlayLoop_Points_Earned},
 * {@code PlayLoop_Version} (long integer), {@code PlayLoop_Opted_In} (checkbox),
 * {@code PlayLoop_Last_Game_At} (date/time).
 */
package io.playloop.crm;
