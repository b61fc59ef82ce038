package io.playloop.store;

import io.playloop.campaign.Ids;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key shapes and attributes of campaigns in the single table, next to {@link Keys} (same {@code pk}
 * and {@code sk} attributes; none of these items sets {@code gsi1pk} or {@code ttl}).
 *
 * <table>
 *   <caption>Campaign items and access patterns</caption>
 *   <tr><th>item</th><th>pk</th><th>sk</th><th>access pattern</th></tr>
 *   <tr><td>campaign version</td><td>{@code CAMPAIGN#<id>}</td><td>{@code VERSION#<n, 6 digits>}</td>
 *       <td>immutable; the canonical JSON of one push. GetItem by id and version (game function, only when
 *       the active pointer changed); Query {@code begins_with(sk, "VERSION#")} lists a campaign's versions
 *       in order (CLI). Put with {@code attribute_not_exists(pk)}.</td></tr>
 *   <tr><td>campaign index</td><td>{@code CAMPAIGNS}</td><td>{@code CAMPAIGN#<id>}</td>
 *       <td>one per campaign: name and latest version. Query {@code pk = CAMPAIGNS} lists campaigns (CLI,
 *       never on a hot path); updated with a condition on the latest version, which allocates the next
 *       version number.</td></tr>
 *   <tr><td>active pointer</td><td>{@code CAMPAIGN#ACTIVE}</td><td>{@code ACTIVE}</td>
 *       <td>which campaign version plays. GetItem (game function, once per cache period); put with a
 *       condition on its {@code revision}, in the same transaction as the version it points to, so two
 *       pushes never interleave.</td></tr>
 * </table>
 *
 * <p>Campaign ids are lower case ({@code [a-z0-9-]}), so {@code CAMPAIGN#ACTIVE} can never be a campaign.
 */
public final class CampaignKeys {
    /** Widest version number the sort key orders correctly. */
    public static final int MAX_VERSION = 999_999;

    /** Attributes of the items (besides {@code pk} and {@code sk}). */
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String VERSION = "version";
    public static final String NAME = "name";
    public static final String FORMAT = "format";
    public static final String JSON = "json";
    public static final String SHA256 = "sha256";
    public static final String BYTES = "bytes";
    public static final String PUSHED_AT = "pushedAt";
    public static final String LATEST_VERSION = "latestVersion";
    public static final String UPDATED_AT = "updatedAt";
    public static final String REVISION = "revision";
    public static final String ACTIVATED_AT = "activatedAt";

    static final String CAMPAIGN_PREFIX = "CAMPAIGN#";
    static final String VERSION_PREFIX = "VERSION#";
    static final String INDEX_PARTITION = "CAMPAIGNS";
    static final String ACTIVE_PARTITION = "CAMPAIGN#ACTIVE";
    static final String ACTIVE_SORT = "ACTIVE";

    private CampaignKeys() {
    }

    /** One pushed version of a campaign. */
    public static Map<String, AttributeValue> version(String campaignId, int version) {
        return key(partition(campaignId), VERSION_PREFIX + String.format(Locale.ROOT, "%06d", checked(version)));
    }

    /** The partition of a campaign's versions. */
    public static String partition(String campaignId) {
        if (campaignId == null || !Ids.CAMPAIGN.matcher(campaignId).matches()) {
            throw new IllegalArgumentException("campaign id '" + campaignId + "' " + Ids.CAMPAIGN_RULE);
        }
        return CAMPAIGN_PREFIX + campaignId;
    }

    /** The sort-key prefix of version items, for a Query over one campaign's versions. */
    public static String versionPrefix() {
        return VERSION_PREFIX;
    }

    /** A campaign's entry in the index of campaigns. */
    public static Map<String, AttributeValue> index(String campaignId) {
        return key(INDEX_PARTITION, partition(campaignId));
    }

    /** The partition listing every campaign (one Query). */
    public static String indexPartition() {
        return INDEX_PARTITION;
    }

    /** The pointer to the version that plays. */
    public static Map<String, AttributeValue> active() {
        return key(ACTIVE_PARTITION, ACTIVE_SORT);
    }

    private static int checked(int version) {
        if (version < 1 || version > MAX_VERSION) {
            throw new IllegalArgumentException("campaign version must be 1.." + MAX_VERSION + ", not " + version);
        }
        return version;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk));
    }
}
