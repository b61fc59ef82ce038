package io.playloop.engine;

import io.playloop.campaign.Campaign;
import io.playloop.campaign.CatalogueItem;
import io.playloop.campaign.Command;
import io.playloop.campaign.CouponSource;
import io.playloop.campaign.TextKey;
import io.playloop.ledger.LedgerResult;
import io.playloop.ledger.PointsAccount;
import io.playloop.text.TextNormalizer;
import io.playloop.whatsapp.outbound.ListMessage;
import io.playloop.whatsapp.outbound.OutboundMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The rewards catalogue as a customer meets it: REWARDS lists what their points buy as a list message (one row
 * per reward they can afford and may still redeem), a tapped row or {@code REDEEM <n>} buys one. A redemption
 * is decided here and written by the store in one transaction: the points spent (a ledger entry), one taken
 * from the reward's stock (a conditional ADD on its counter: the table refuses a redemption beyond the stock,
 * and the engine then answers "out of stock"), the reward record and its coupon record (inserted once: a code
 * is never given to two customers). A per-customer limit is checked against the customer's wallet, which the
 * same transaction updates under its version, so two concurrent redemptions by one customer cannot both pass.
 */
final class CataloguePlay {
    /** Prefix of a catalogue row's id: {@code rw:<itemId>}. */
    static final String ROW_PREFIX = "rw:";
    /** Prefix of a stock counter in {@link PlayerState#exhaustedPrizes()}: the table said it is used up. */
    static final String STOCK_PREFIX = "stock:";
    /** Ledger reason of a redemption: {@code redeem.<itemId>}. */
    static final String REASON = "redeem.";
    /** Letters and digits of generated codes: no 0/O, 1/I/L. */
    static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final int ROW_DESCRIPTION_MAX = 72;
    /** WhatsApp's limit on an interactive message's body. */
    private static final int BODY_MAX = 1024;

    /**
     * One REDEEM step.
     *
     * @param redemption what to write, when the reward was bought
     * @param points     the points spent, when bought
     * @param reply      the one message to send
     */
    record Step(Optional<Redemption> redemption, Optional<LedgerResult.Applied> points, OutboundMessage reply) {
    }

    private final Campaign campaign;

    CataloguePlay(Campaign campaign) {
        this.campaign = campaign;
    }

    /** Whether a tapped id is a catalogue row. */
    static boolean isRow(String replyId) {
        return replyId != null && replyId.startsWith(ROW_PREFIX);
    }

    /**
     * REWARDS: the rewards the customer holds (codes still usable), then the catalogue as a list of what they
     * can afford and may still redeem; when nothing is affordable yet, the cheapest reward and its cost.
     *
     * @param held lines about rewards already held (the wheel's and the catalogue's), possibly none
     */
    OutboundMessage list(Replies replies, String language, String to, PointsAccount account, Progress progress,
                         List<String> held, Instant now) {
        long balance = account.balance(now);
        List<ListMessage.Row> rows = new ArrayList<>();
        for (CatalogueItem item : campaign.catalogue()) {
            boolean allowed = item.perCustomer().isEmpty()
                    || progress.redeemed(item.id()) < item.perCustomer().getAsLong();
            if (allowed && item.cost() <= balance && rows.size() < 10) {
                rows.add(new ListMessage.Row(ROW_PREFIX + item.id(), name(item, language), description(replies,
                        language, item)));
            }
        }
        if (rows.isEmpty()) {
            CatalogueItem cheapest = campaign.catalogue().stream()
                    .min(java.util.Comparator.comparingLong(CatalogueItem::cost)).orElseThrow();
            String notYet = replies.line(language, TextKey.CATALOGUE_NOT_YET, Map.of("reward",
                    Replies.isolate(name(cheapest, language)), "cost", Long.toString(cheapest.cost()),
                    "points", Long.toString(balance)));
            return replies.withButtons(language, to, fitted(held, notYet), Command.QUIZ, Command.SPIN);
        }
        String body = replies.line(language, TextKey.CATALOGUE_BODY, Map.of("points", Long.toString(balance)));
        String button = replies.line(language, TextKey.CATALOGUE_BUTTON, Map.of());
        return new ListMessage(to, null, fitted(held, body), null, button,
                List.of(new ListMessage.Section(button, rows)));
    }

    /** The catalogue item a tapped row ({@code rw:<id>}) or the number after REDEEM (1-based) names. */
    Optional<CatalogueItem> chosen(String replyId, String typed) {
        if (isRow(replyId)) {
            return campaign.catalogueItem(replyId.substring(ROW_PREFIX.length()));
        }
        OptionalLong number = numberIn(typed);
        if (number.isEmpty() || number.getAsLong() < 1 || number.getAsLong() > campaign.catalogue().size()) {
            return Optional.empty();
        }
        return Optional.of(campaign.catalogue().get((int) number.getAsLong() - 1));
    }

    /**
     * REDEEM: buys {@code item} for the customer if they may, within their points and the stock.
     *
     * @param exhausted stock counters the table refused on an earlier try of this message
     * @param random    draws the generated code's characters (a {@link java.security.SecureRandom} in the Lambda)
     */
    Step redeem(Replies replies, String language, String to, Optional<CatalogueItem> chosen, String typed,
                PointsAccount account, Progress progress, Set<String> exhausted, String wamid,
                RandomGenerator random, Instant now) {
        if (chosen.isEmpty()) {
            OptionalLong typedNumber = numberIn(typed);
            String number = typedNumber.isPresent() ? Long.toString(typedNumber.getAsLong()) : "?";
            return refused(replies, language, to, TextKey.REDEEM_UNKNOWN, Map.of("number", number));
        }
        CatalogueItem item = chosen.get();
        Map<String, String> values = new HashMap<>();
        values.put("reward", Replies.isolate(name(item, language)));
        values.put("cost", Long.toString(item.cost()));
        if (item.perCustomer().isPresent() && progress.redeemed(item.id()) >= item.perCustomer().getAsLong()) {
            values.put("limit", Long.toString(item.perCustomer().getAsLong()));
            return refused(replies, language, to, TextKey.REDEEM_LIMIT_REACHED, values);
        }
        if (exhausted.contains(STOCK_PREFIX + item.id()) || item.stock().equals(OptionalLong.of(0))) {
            return refused(replies, language, to, TextKey.REDEEM_OUT_OF_STOCK, values);
        }
        LedgerResult spent = account.spend(item.cost(), REASON + item.id(), "redeem:" + wamid, now);
        if (!(spent instanceof LedgerResult.Applied applied)) {
            values.put("points", Long.toString(account.balance(now)));
            return refused(replies, language, to, TextKey.REDEEM_NOT_ENOUGH_POINTS, values);
        }
        Optional<String> code = item.coupon() instanceof CouponSource.Generated generated
                ? Optional.of(generate(generated.format(), random)) : Optional.empty();
        WalletEntry entry = new WalletEntry(item.id() + ":" + wamid, item.id(), code, now, now.plus(item.validFor()),
                Optional.empty());
        OutboundMessage reply;
        if (code.isPresent()) {
            values.put("code", code.get());
            values.put("valid_until", date(entry.validUntil(), language));
            reply = replies.withButtons(language, to, replies.line(language, TextKey.REDEEM_DONE, values),
                    Command.PLAY);
        } else {
            reply = replies.withButtons(language, to, replies.line(language, TextKey.REDEEM_CODE_FOLLOWS, values),
                    Command.PLAY);
        }
        Optional<String> pool = item.coupon() instanceof CouponSource.Pool p ? Optional.of(p.pool()) : Optional.empty();
        return new Step(Optional.of(new Redemption(campaign.id(), entry, item.stock(), pool)), Optional.of(applied),
                reply);
    }

    /**
     * The held rewards' lines, then {@code tail}, as paragraphs within an interactive body's 1,024 characters:
     * the oldest lines that do not fit are left out (REWARDS is asked again as codes are used or expire).
     */
    static String fitted(List<String> held, String tail) {
        List<String> parts = new ArrayList<>(held);
        parts.add(tail);
        while (parts.size() > 1 && String.join("\n\n", parts).length() > BODY_MAX) {
            parts.remove(0);
        }
        return String.join("\n\n", parts);
    }

    /** Lines about the catalogue rewards the customer still holds, with their codes. */
    List<String> heldLines(Replies replies, String language, Progress progress, Instant now) {
        List<String> lines = new ArrayList<>();
        for (WalletEntry w : progress.wallet()) {
            if (w.usableAt(now) && w.code().isPresent()) {
                campaign.catalogueItem(w.itemId()).ifPresent(item -> lines.add(replies.line(language,
                        TextKey.REWARD_DELIVERED, Map.of("reward", Replies.isolate(name(item, language)),
                                "code", w.code().get(), "valid_until", date(w.validUntil(), language)))));
            }
        }
        return lines;
    }

    /**
     * A code from {@code format}: {@code #} a digit 2–9, {@code X} a letter or digit of {@link #CODE_ALPHABET},
     * anything else as written.
     */
    static String generate(String format, RandomGenerator random) {
        StringBuilder code = new StringBuilder(format.length());
        for (char c : format.toCharArray()) {
            code.append(c == '#' ? DIGITS.charAt(random.nextInt(DIGITS.length()))
                    : c == 'X' ? CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())) : c);
        }
        return code.toString();
    }

    private Step refused(Replies replies, String language, String to, TextKey key, Map<String, String> values) {
        return new Step(Optional.empty(), Optional.empty(), replies.withButtons(language, to,
                replies.line(language, key, values), Command.PLAY));
    }

    private String name(CatalogueItem item, String language) {
        return item.name().in(language, campaign.defaultLanguage());
    }

    private String description(Replies replies, String language, CatalogueItem item) {
        String cost = replies.line(language, TextKey.CATALOGUE_COST, Map.of("cost", Long.toString(item.cost())));
        String text = item.description().map(d -> cost + " · " + d.in(language, campaign.defaultLanguage()))
                .orElse(cost);
        return text.codePointCount(0, text.length()) <= ROW_DESCRIPTION_MAX ? text
                : text.substring(0, text.offsetByCodePoints(0, ROW_DESCRIPTION_MAX - 1)) + "…";
    }

    private static OptionalLong numberIn(String typed) {
        if (typed == null) {
            return OptionalLong.empty();
        }
        String[] words = TextNormalizer.words(TextNormalizer.normalize(typed));
        if (words.length < 2) {
            return OptionalLong.empty();
        }
        String last = words[words.length - 1].replaceAll("[^0-9\u0660-\u0669]", "");
        StringBuilder digits = new StringBuilder();
        last.codePoints().forEach(c -> digits.append(c >= 0x0660 && c <= 0x0669 ? (char) ('0' + c - 0x0660) : (char) c));
        if (digits.isEmpty() || digits.length() > 3) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits.toString()));
    }

    private String date(Instant at, String language) {
        return LocalDates.of(at, language, campaign.timeZone());
    }
}
