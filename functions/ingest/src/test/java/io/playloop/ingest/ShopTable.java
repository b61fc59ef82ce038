package io.playloop.ingest;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The table as {@link ShopOrders} uses it: UpdateItem whose {@code SET #a = if_not_exists(#a, :v)} clauses keep
 * what is stored (the first customer stays), and consistent GetItem. Keys DynamoDB would refuse (a partition
 * key over 2,048 bytes, a sort key over 1,024) are refused with DynamoDB's ValidationException.
 */
final class ShopTable implements DynamoDbClient {
    private static final Pattern IF_NOT_EXISTS = Pattern.compile("(#\\w+) = if_not_exists\\(\\1, (:\\w+)\\)");

    /** Items by partition key (every item here has one sort key). */
    final Map<String, Map<String, AttributeValue>> items = new HashMap<>();

    /** The customer each order's partition key names. */
    Map<String, String> customers() {
        Map<String, String> customers = new HashMap<>();
        items.forEach((pk, item) -> customers.put(pk, item.get("customerKey").s()));
        return customers;
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        String pk = checked(request.key());
        Map<String, AttributeValue> item = items.computeIfAbsent(pk, k -> new HashMap<>(request.key()));
        Matcher m = IF_NOT_EXISTS.matcher(request.updateExpression());
        while (m.find()) {
            item.putIfAbsent(request.expressionAttributeNames().get(m.group(1)),
                    request.expressionAttributeValues().get(m.group(2)));
        }
        return UpdateItemResponse.builder().attributes(Map.copyOf(item)).build();
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        if (!Boolean.TRUE.equals(request.consistentRead())) {
            throw new AssertionError("a refund's order must be read consistently");
        }
        Map<String, AttributeValue> item = items.get(checked(request.key()));
        return item == null ? GetItemResponse.builder().build() : GetItemResponse.builder().item(item).build();
    }

    private static String checked(Map<String, AttributeValue> key) {
        String pk = key.get("pk").s();
        String sk = key.get("sk").s();
        if (pk.getBytes(StandardCharsets.UTF_8).length > 2048 || sk.getBytes(StandardCharsets.UTF_8).length > 1024) {
            throw (DynamoDbException) DynamoDbException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails
                    .builder().errorCode("ValidationException").errorMessage("key too large").build()).build();
        }
        return pk;
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {
    }
}
