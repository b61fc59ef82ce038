package io.playloop.store;

import io.playloop.engine.Reward;
import io.playloop.engine.SpinHistory;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Item layout of a customer's wheel ({@code sk=SPIN}); instants in epoch milliseconds. */
final class SpinItems {
    static final String VERSION = "version";

    private SpinItems() {
    }

    static Map<String, AttributeValue> item(String customerKey, SpinHistory history, long version) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.spin(customerKey));
        history.lastSpinAt().ifPresent(at -> item.put("lastSpinAt", StoreItems.n(at.toEpochMilli())));
        item.put("rewards", AttributeValue.fromL(history.rewards().stream().map(r -> {
            List<AttributeValue> fields = new java.util.ArrayList<>(List.of(StoreItems.s(r.prizeId()),
                    StoreItems.s(r.spinId()), StoreItems.n(r.wonAt().toEpochMilli()),
                    StoreItems.n(r.validUntil().toEpochMilli())));
            r.code().ifPresent(code -> fields.add(StoreItems.s(code)));
            return AttributeValue.fromL(fields);
        }).toList()));
        item.put(VERSION, StoreItems.n(version));
        return item;
    }

    /** The coupon of a discount won on the wheel: {@code pk=COUPON#<code>, sk=COUPON}, inserted once. */
    static Map<String, AttributeValue> couponRecord(String customerKey, Reward reward, String campaignId) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.coupon(reward.code().orElseThrow()));
        item.put(ProgressItems.HOLDER, StoreItems.s(customerKey));
        item.put("campaign", StoreItems.s(campaignId));
        item.put("reward", StoreItems.s("spin:" + reward.spinId()));
        item.put("prize", StoreItems.s(reward.prizeId()));
        item.put("status", StoreItems.s("ISSUED"));
        item.put("validUntil", StoreItems.s(reward.validUntil().toString()));
        item.put(Keys.TTL, StoreItems.ttlAfterValidity(ItemKind.COUPON, reward.validUntil()));
        return item;
    }

    /**
     * The customer's record of a discount won: {@code pk=CUSTOMER#<key>, sk=REWARD#spin:<spinId>}, naming its coupon, so
     * an erasure finds the coupon after the wheel has forgotten the prize (used or expired).
     */
    static Map<String, AttributeValue> rewardRecord(String customerKey, Reward reward, String campaignId) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.reward(customerKey, "spin:" + reward.spinId()));
        item.put("campaign", StoreItems.s(campaignId));
        item.put("item", StoreItems.s(reward.prizeId()));
        item.put("status", StoreItems.s("ISSUED"));
        item.put("code", StoreItems.s(reward.code().orElseThrow()));
        item.put("issuedAt", StoreItems.s(reward.wonAt().toString()));
        item.put("validUntil", StoreItems.s(reward.validUntil().toString()));
        item.put(Keys.TTL, StoreItems.ttlAfterValidity(ItemKind.REWARD, reward.validUntil()));
        return item;
    }

    static SpinState state(Map<String, AttributeValue> item) {
        Optional<Instant> last = Optional.ofNullable(item.get("lastSpinAt"))
                .map(v -> Instant.ofEpochMilli(Long.parseLong(v.n())));
        List<Reward> rewards = item.get("rewards").l().stream().map(AttributeValue::l).map(f -> new Reward(
                f.get(0).s(), f.get(1).s(), Instant.ofEpochMilli(Long.parseLong(f.get(2).n())),
                Instant.ofEpochMilli(Long.parseLong(f.get(3).n())),
                f.size() > 4 ? Optional.of(f.get(4).s()) : Optional.<String>empty())).toList();
        return new SpinState(new SpinHistory(last, rewards), Long.parseLong(item.get(VERSION).n()));
    }
}
