package io.playloop.store;

import io.playloop.engine.Customer;
import io.playloop.engine.Progress;
import io.playloop.ledger.PointsAccount;
import io.playloop.outreach.Schedule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A customer's four items as the game leaves them (profile, points, progress, schedule), built with the store's
 * own codecs so that a benchmark or a test can load many customers with BatchWriteItem and the scheduler reads
 * them exactly as it reads the game's writes. The schedule item carries its due-index keys when it has a due time.
 */
public final class SchedulerFixtures {
    private SchedulerFixtures() {
    }

    /** PROFILE, POINTS, PROGRESS and SCHEDULE items, each at version 1. */
    public static List<Map<String, AttributeValue>> customerItems(Customer customer, PointsAccount points,
                                                                  Progress progress, Schedule schedule) {
        String key = customer.key();
        Map<String, AttributeValue> profile = new HashMap<>(Keys.customer(key));
        putPresent(profile, StoreItems.customerAttributes(customer, 1));
        Map<String, AttributeValue> progressItem = new HashMap<>(Keys.progress(key));
        putPresent(progressItem, ProgressItems.ownAttributes(progress));
        progressItem.put(ProgressItems.VERSION, StoreItems.n(1));
        return List.of(profile, PointsItems.accountItem(key, points, 1), progressItem,
                ScheduleItems.item(key, schedule, 1));
    }

    /** The codecs mark "absent" with null (for an update's REMOVE); a put just leaves those out. */
    private static void putPresent(Map<String, AttributeValue> item, Map<String, AttributeValue> attributes) {
        attributes.forEach((name, value) -> {
            if (value != null) {
                item.put(name, value);
            }
        });
    }
}
