package io.playloop.ingest;

import io.playloop.commerce.CommerceLimits;
import io.playloop.store.Keys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Which customer a shop order was queued for, and since when ({@link Keys#shopOrder}): Shopify's
 * {@code refunds/create} names only its order, so ingest remembers the order's customer when it queues the order
 * and looks it up for the refund; and the first acceptance of an order, kept two years, tells a late replay from
 * a retry. One UpdateItem per paid order (1 WCU), one consistent GetItem per Shopify refund (1 RCU).
 */
public class ShopOrders {
    /** How long the link is kept: refunds come weeks, rarely months, after the order. */
    static final Duration RETENTION = Duration.ofDays(730);
    static final String CUSTOMER_KEY = "customerKey";
    static final String FIRST_SEEN = "firstSeen";
    /** The order's full id (the key holds its {@link CommerceLimits#keyPart}). */
    static final String ORDER_ID = "orderId";

    /**
     * What the table holds about an order.
     *
     * @param customerKey the customer it was first queued for
     * @param firstSeen   when ingest first accepted it
     */
    public record Link(String customerKey, Instant firstSeen) {
    }

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final Clock clock;

    public ShopOrders(DynamoDbClient dynamo, String tableName, Clock clock) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.clock = clock;
    }

    /**
     * Records the order's customer and first acceptance unless recorded already, and returns what is recorded:
     * the first customer an order was queued for stays its customer (a replay, or an order edited to another
     * phone, cannot make the same order earn for a second customer), and its first acceptance stays the first.
     */
    public Link remember(String source, String orderId, String customerKey) {
        long now = clock.instant().getEpochSecond();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":k", AttributeValue.fromS(customerKey));
        values.put(":now", AttributeValue.fromN(Long.toString(now)));
        values.put(":ttl", AttributeValue.fromN(Long.toString(now + RETENTION.toSeconds())));
        values.put(":id", AttributeValue.fromS(orderId));
        Map<String, AttributeValue> stored = dynamo.updateItem(UpdateItemRequest.builder()
                .tableName(tableName)
                .key(Keys.shopOrder(source, CommerceLimits.keyPart(orderId)))
                .updateExpression("SET #k = if_not_exists(#k, :k), #f = if_not_exists(#f, :now), "
                        + "#t = if_not_exists(#t, :ttl), #o = if_not_exists(#o, :id)")
                .expressionAttributeNames(Map.of("#k", CUSTOMER_KEY, "#f", FIRST_SEEN, "#t", Keys.TTL, "#o", ORDER_ID))
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)
                .build()).attributes();
        return new Link(stored.get(CUSTOMER_KEY).s(), Instant.ofEpochSecond(Long.parseLong(stored.get(FIRST_SEEN).n())));
    }

    /** The customer the order was queued for, or null when it never was. */
    public String customerOf(String source, String orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                .tableName(tableName)
                .key(Keys.shopOrder(source, CommerceLimits.keyPart(orderId)))
                .projectionExpression("#k")
                .expressionAttributeNames(Map.of("#k", CUSTOMER_KEY))
                .consistentRead(true)
                .build()).item();
        return item == null || !item.containsKey(CUSTOMER_KEY) ? null : item.get(CUSTOMER_KEY).s();
    }
}
