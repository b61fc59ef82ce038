package io.playloop.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Reads the rewards catalogue ({@code rewards[]}): what points buy. */
final class RewardsReader {
    static final int ITEMS_MAX = 10; // a list message holds 10 rows
    static final long STOCK_MAX = 10_000_000;
    static final long PER_CUSTOMER_MAX = 1_000;
    static final Duration VALID_FOR_MIN = Duration.ofDays(1);
    static final Duration VALID_FOR_MAX = Duration.ofDays(730);
    static final Duration DEFAULT_VALID_FOR = Duration.ofDays(30);
    /** The smallest number of random characters ({@code #} or {@code X}) a generated code may have. */
    static final int RANDOM_MIN = 8;
    static final int FORMAT_MAX = 40;
    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9#\\-_]{1," + FORMAT_MAX + "}");
    private static final Pattern POOL = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final TextReader texts;

    RewardsReader(TextReader texts) {
        this.texts = texts;
    }

    List<CatalogueItem> catalogue(Fields root) {
        List<CatalogueItem> items = new ArrayList<>();
        Ids ids = new Ids();
        for (Fields item : root.objects("rewards", 1, ITEMS_MAX)) {
            items.add(item(item, ids));
        }
        return items;
    }

    private CatalogueItem item(Fields item, Ids ids) {
        String id = ids.unique(item, Ids.ITEM, Ids.ITEM_RULE);
        LocalizedText name = texts.required(item, "name", TextKind.ROW_TITLE, "(rewards are list rows under REWARDS)");
        Optional<LocalizedText> description = texts.optional(item, "description", TextKind.ROW_DESCRIPTION,
                "(the row under the reward's name)");
        long cost = item.requiredInteger("cost", 1, CampaignReader.POINTS_MAX);
        OptionalLong stock = item.optionalInteger("stock", 0, STOCK_MAX);
        OptionalLong perCustomer = item.optionalInteger("per_customer", 1, PER_CUSTOMER_MAX);
        Duration validFor = item.duration("valid_for", DEFAULT_VALID_FOR, VALID_FOR_MIN, VALID_FOR_MAX);
        CouponSource coupon = coupon(item);
        item.finish();
        return new CatalogueItem(id, name, description, cost, stock, perCustomer, validFor, coupon);
    }

    private static CouponSource coupon(Fields item) {
        Optional<Fields> coupon = item.object("coupon");
        if (coupon.isEmpty()) {
            item.problem("coupon", "missing: give { format: \"SUMMER-XXXX-XXXX\" } or { pool: <pool id> }");
            return new CouponSource.Generated("XXXX-XXXX");
        }
        Fields c = coupon.get();
        boolean hasFormat = c.has("format");
        boolean hasPool = c.has("pool");
        CouponSource source;
        if (hasFormat == hasPool) {
            c.problem(hasFormat ? "pool" : "format", hasFormat ? "give either format or pool, not both"
                    : "missing: give { format: \"SUMMER-XXXX-XXXX\" } or { pool: <pool id> }");
            source = new CouponSource.Generated("XXXX-XXXX");
        } else if (hasFormat) {
            String format = c.requiredText("format");
            long random = format.chars().filter(ch -> ch == '#' || ch == 'X').count();
            if (!format.isEmpty() && !FORMAT.matcher(format).matches()) {
                c.problem("format", "'" + format + "': use capital letters, digits, '-', '_', # (a digit) and X (a"
                        + " letter or digit), at most " + FORMAT_MAX + " characters");
            } else if (!format.isEmpty() && random < RANDOM_MIN) {
                c.problem("format", "'" + format + "' has " + random + " random characters (# or X): at least "
                        + RANDOM_MIN + " make a code that cannot be guessed");
            }
            source = new CouponSource.Generated(format);
        } else {
            String pool = c.requiredText("pool");
            if (!pool.isEmpty() && !POOL.matcher(pool).matches()) {
                c.problem("pool", "'" + pool + "': lower-case letters, digits and dashes, at most 40");
            }
            source = new CouponSource.Pool(pool);
        }
        c.finish();
        return source;
    }
}
