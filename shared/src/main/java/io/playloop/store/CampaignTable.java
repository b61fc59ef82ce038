package io.playloop.store;

import io.playloop.campaign.ActivePointer;
import io.playloop.campaign.Campaign;
import io.playloop.campaign.CampaignListing;
import io.playloop.campaign.CampaignLoader;
import io.playloop.campaign.CampaignStore;
import io.playloop.campaign.ConcurrentCampaignChangeException;
import io.playloop.campaign.PushResult;
import io.playloop.campaign.StoredVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Campaigns in the single table ({@link CampaignKeys}): push a validated campaign as a new version,
 * activate a version, list them, and read the active one for the game function.
 *
 * <p>A push is one transaction: the index entry moves from version n to n+1 (conditioned on n), the
 * version item is created (conditioned on absence) and, when activating, the pointer moves (conditioned on
 * its revision). Two pushes therefore never interleave: one wins, the other re-reads and retries, and
 * nothing is half written.
 */
public final class CampaignTable implements CampaignStore {
    /** The largest JSON a version item holds (DynamoDB items hold 400 KB, names and other attributes included). */
    public static final int MAX_JSON_BYTES = 380_000;
    private static final int MAX_ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final CapacityMeter meter;

    public CampaignTable(DynamoDbClient dynamo, String tableName, CapacityMeter meter) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.meter = meter;
    }

    /**
     * Stores a campaign as its next version and, if asked, makes it the one that plays.
     *
     * @throws IllegalArgumentException          if its JSON is too large for one item
     * @throws ConcurrentCampaignChangeException if other pushes kept winning the race
     */
    public PushResult push(Campaign campaign, Instant now, boolean activate) {
        String json = CampaignLoader.toJson(campaign);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_JSON_BYTES) {
            throw new IllegalArgumentException("campaign " + campaign.id() + " is " + bytes.length
                    + " bytes as JSON; one table item holds at most " + MAX_JSON_BYTES);
        }
        String sha256 = sha256(bytes);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            int latest = latestVersion(campaign.id());
            int next = latest + 1;
            if (next > CampaignKeys.MAX_VERSION) {
                throw new IllegalStateException("campaign " + campaign.id() + " has reached " + CampaignKeys.MAX_VERSION
                        + " versions; push it under a new id");
            }
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(indexUpdate(campaign, latest, next, now));
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                    .item(versionItem(campaign, next, json, sha256, bytes.length, now))
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK)).build()).build());
            if (activate) {
                writes.add(pointerPut(campaign.id(), next, activePointer(true), now));
            }
            if (transact(writes)) {
                return new PushResult(campaign.id(), next, activate, bytes.length, sha256);
            }
            backOff(attempt);
        }
        throw new ConcurrentCampaignChangeException("campaign " + campaign.id() + " kept changing while it was pushed ("
                + MAX_ATTEMPTS + " attempts); nothing was written by this push: run it again");
    }

    /**
     * Makes a stored version the one that plays.
     *
     * @throws IllegalArgumentException if the version does not exist
     */
    public ActivePointer activate(String campaignId, int version, Instant now) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<ActivePointer> current = activePointer(true);
            List<TransactWriteItem> writes = List.of(
                    TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(tableName)
                            .key(CampaignKeys.version(campaignId, version))
                            .conditionExpression("attribute_exists(#pk)")
                            .expressionAttributeNames(Map.of("#pk", Keys.PK)).build()).build(),
                    pointerPut(campaignId, version, current, now));
            try {
                if (transact(writes)) {
                    return new ActivePointer(campaignId, version, current.map(ActivePointer::revision).orElse(0L) + 1, now);
                }
            } catch (VersionMissing e) {
                throw new IllegalArgumentException("campaign " + StoredVersion.describe(campaignId, version)
                        + " is not in table " + tableName + " (see list)");
            }
            backOff(attempt);
        }
        throw new ConcurrentCampaignChangeException("the active campaign kept changing (" + MAX_ATTEMPTS
                + " attempts); it was not changed by this call: run it again");
    }

    /** Every campaign with its versions: one Query on the index, then one Query per campaign. No Scan. */
    public List<CampaignListing> list() {
        List<CampaignListing> listings = new ArrayList<>();
        for (Map<String, AttributeValue> entry : query(CampaignKeys.indexPartition(), CampaignKeys.CAMPAIGN_PREFIX,
                List.of(CampaignKeys.CAMPAIGN_ID, CampaignKeys.NAME, CampaignKeys.LATEST_VERSION))) {
            String id = entry.get(CampaignKeys.CAMPAIGN_ID).s();
            List<StoredVersion> versions = new ArrayList<>();
            // The projection leaves the JSON out of the response (it still counts towards read units).
            for (Map<String, AttributeValue> item : query(CampaignKeys.partition(id), CampaignKeys.versionPrefix(),
                    List.of(CampaignKeys.VERSION, CampaignKeys.NAME, CampaignKeys.PUSHED_AT, CampaignKeys.SHA256,
                            CampaignKeys.BYTES))) {
                versions.add(new StoredVersion(id, Integer.parseInt(item.get(CampaignKeys.VERSION).n()),
                        item.get(CampaignKeys.NAME).s(), Instant.parse(item.get(CampaignKeys.PUSHED_AT).s()),
                        item.get(CampaignKeys.SHA256).s(), Long.parseLong(item.get(CampaignKeys.BYTES).n())));
            }
            listings.add(new CampaignListing(id, entry.get(CampaignKeys.NAME).s(),
                    Integer.parseInt(entry.get(CampaignKeys.LATEST_VERSION).n()), versions));
        }
        return listings;
    }

    @Override
    public Optional<ActivePointer> activePointer() {
        return activePointer(false);
    }

    @Override
    public Optional<String> versionJson(String campaignId, int version) {
        // Strongly consistent: right after an activation the pointer may name a version written a moment ago.
        GetItemResponse response = dynamo.getItem(b -> b.tableName(tableName)
                .key(CampaignKeys.version(campaignId, version))
                .consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.recordRead(response.consumedCapacity());
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(response.item().get(CampaignKeys.JSON).s()) : Optional.empty();
    }

    private Optional<ActivePointer> activePointer(boolean consistent) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(tableName)
                .key(CampaignKeys.active())
                .consistentRead(consistent)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.recordRead(response.consumedCapacity());
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new ActivePointer(item.get(CampaignKeys.CAMPAIGN_ID).s(),
                Integer.parseInt(item.get(CampaignKeys.VERSION).n()),
                Long.parseLong(item.get(CampaignKeys.REVISION).n()),
                Instant.parse(item.get(CampaignKeys.ACTIVATED_AT).s())));
    }

    private int latestVersion(String campaignId) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(tableName)
                .key(CampaignKeys.index(campaignId))
                .consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.recordRead(response.consumedCapacity());
        return response.hasItem() && !response.item().isEmpty()
                ? Integer.parseInt(response.item().get(CampaignKeys.LATEST_VERSION).n()) : 0;
    }

    private TransactWriteItem indexUpdate(Campaign campaign, int latest, int next, Instant now) {
        // DynamoDB rejects an alias the expressions do not use, so #pk only when the condition needs it.
        Map<String, String> names = new HashMap<>(Map.of("#latest", CampaignKeys.LATEST_VERSION,
                "#name", CampaignKeys.NAME, "#id", CampaignKeys.CAMPAIGN_ID, "#updated", CampaignKeys.UPDATED_AT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":next", n(next), ":name", s(campaign.name()),
                ":id", s(campaign.id()), ":now", s(now.toString())));
        String condition;
        if (latest == 0) {
            condition = "attribute_not_exists(#pk)";
            names.put("#pk", Keys.PK);
        } else {
            condition = "#latest = :latest";
            values.put(":latest", n(latest));
        }
        return TransactWriteItem.builder().update(Update.builder().tableName(tableName)
                .key(CampaignKeys.index(campaign.id()))
                .updateExpression("SET #latest = :next, #name = :name, #id = :id, #updated = :now")
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values).build()).build();
    }

    private Map<String, AttributeValue> versionItem(Campaign campaign, int version, String json, String sha256,
                                                    long bytes, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(CampaignKeys.version(campaign.id(), version));
        item.put(CampaignKeys.CAMPAIGN_ID, s(campaign.id()));
        item.put(CampaignKeys.VERSION, n(version));
        item.put(CampaignKeys.NAME, s(campaign.name()));
        item.put(CampaignKeys.FORMAT, s(Campaign.FORMAT));
        item.put(CampaignKeys.JSON, s(json));
        item.put(CampaignKeys.SHA256, s(sha256));
        item.put(CampaignKeys.BYTES, n(bytes));
        item.put(CampaignKeys.PUSHED_AT, s(now.toString()));
        return item;
    }

    private TransactWriteItem pointerPut(String campaignId, int version, Optional<ActivePointer> current, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(CampaignKeys.active());
        long revision = current.map(ActivePointer::revision).orElse(0L);
        item.put(CampaignKeys.CAMPAIGN_ID, s(campaignId));
        item.put(CampaignKeys.VERSION, n(version));
        item.put(CampaignKeys.REVISION, n(revision + 1));
        item.put(CampaignKeys.ACTIVATED_AT, s(now.toString()));
        Put.Builder put = Put.builder().tableName(tableName).item(item);
        if (current.isEmpty()) {
            put.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", Keys.PK));
        } else {
            put.conditionExpression("#rev = :rev")
                    .expressionAttributeNames(Map.of("#rev", CampaignKeys.REVISION))
                    .expressionAttributeValues(Map.of(":rev", n(revision)));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    /**
     * Runs a transaction; false when a condition failed or another transaction touched the same items
     * (the caller re-reads and retries).
     *
     * <p>The client token is random per attempt: the SDK's own retries resend the same request, token
     * included, so a write that succeeded but whose answer was lost is not applied twice; two distinct
     * pushes never share a token (a deterministic one made two identical concurrent pushes collapse into
     * one, both reported as written).
     */
    private boolean transact(List<TransactWriteItem> writes) {
        TransactWriteItemsRequest.Builder request = TransactWriteItemsRequest.builder()
                .transactItems(writes)
                .clientRequestToken(UUID.randomUUID().toString())
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
        try {
            meter.recordWrite(dynamo.transactWriteItems(request.build()).consumedCapacity());
            return true;
        } catch (TransactionCanceledException e) {
            meter.recordWrite((java.util.List<software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity>) null);
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            boolean retryable = false;
            for (int i = 0; i < reasons.size(); i++) {
                String code = reasons.get(i).code();
                if ("ConditionalCheckFailed".equals(code) && writes.get(i).conditionCheck() != null) {
                    throw new VersionMissing();
                }
                retryable |= "ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code);
            }
            if (!retryable) {
                throw e;
            }
            return false;
        }
    }

    private List<Map<String, AttributeValue>> query(String partition, String sortPrefix, List<String> attributes) {
        // Aliases for every projected attribute: several (name, format) are DynamoDB reserved words.
        Map<String, String> names = new HashMap<>(Map.of("#pk", Keys.PK, "#sk", Keys.SK));
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            names.put("#a" + i, attributes.get(i));
            aliases.add("#a" + i);
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = dynamo.query(QueryRequest.builder()
                    .tableName(tableName)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .projectionExpression(String.join(", ", aliases))
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(":pk", s(partition), ":prefix", s(sortPrefix)))
                    .consistentRead(true)
                    .exclusiveStartKey(start)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                    .build());
            meter.recordRead(response.consumedCapacity());
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    /** Waits a random while, longer after each lost race, so that racing pushes stop colliding. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrentCampaignChangeException("interrupted while retrying; nothing was written");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** The version to activate is not in the table. */
    private static final class VersionMissing extends RuntimeException {
        private static final long serialVersionUID = 1L;

        VersionMissing() {
            super(null, null, false, false);
        }
    }
}
