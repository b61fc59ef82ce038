/**
 * Referrals: a personal {@link io.playloop.games.referral.ReferralCode} per customer, the wa.me
 * {@link io.playloop.games.referral.ReferralLink} to share it, {@link io.playloop.games.referral.ReferralCodeParser}
 * that finds a code in a friend's first message or a click-to-WhatsApp ad, and
 * {@link io.playloop.games.referral.ReferralRules}: attribution and the PENDING → QUALIFIED / REJECTED
 * state machine as pure decisions.
 *
 * <h2>Store shapes (proposed)</h2>
 * <ul>
 *   <li>{@code pk = CODE#<code>, sk = CODE}: the referrer's customer key, put with
 *       {@code attribute_not_exists(pk)} when the code is first shown (a second put of the same customer is a
 *       no-op; another customer's collision is a conflict the store reports; 31⁶ codes make it rare).</li>
 *   <li>{@code pk = CUSTOMER#<friend>, sk = REFERRED_BY}: the friend's one referral ({@link io.playloop.games.referral.Referral}),
 *       put with {@code attribute_not_exists(pk)}: a friend is attributed once, to one referrer.</li>
 *   <li>{@code pk = CUSTOMER#<referrer>, sk = REFERRAL#<friend>}: the referrer's copy, for "2 of 3 joined" with one
 *       Query on {@code begins_with(sk, "REFERRAL#")}. Both written in one transaction; the move to QUALIFIED
 *       updates both with {@code state = PENDING} as condition, so a referral counts once.</li>
 * </ul>
 */
package io.playloop.games.referral;
