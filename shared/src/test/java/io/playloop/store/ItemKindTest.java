package io.playloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ItemKindTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    @DisplayName("a key builder added to Keys or CampaignKeys without a registered kind (and lifetime) fails here")
    void everyKeyBuilder_belongsToARegisteredKind() {
        assertThat(unregisteredBuilders(Keys.class, CampaignKeys.class)).isEmpty();
    }

    @Test
    @DisplayName("the check above catches a builder no kind names")
    void theRegistryCheck_canFail() {
        assertThat(unregisteredBuilders(KeysWithAnUnregisteredBuilder.class))
                .containsExactly("KeysWithAnUnregisteredBuilder.parkedRecord");
    }

    @Test
    void everyBuilderAKindNames_exists() {
        Set<String> methods = Arrays.stream(new Class<?>[]{Keys.class, CampaignKeys.class})
                .flatMap(c -> Arrays.stream(c.getMethods()).map(m -> c.getSimpleName() + "." + m.getName()))
                .collect(Collectors.toSet());
        methods.add("ScoreItem"); // the weekly score's key comes from the leaderboard's ScoreItem
        for (ItemKind kind : ItemKind.values()) {
            assertThat(methods).as(kind + "'s builders").containsAll(kind.builders());
        }
    }

    @Test
    @DisplayName("every kind that names a customer has a bounded lifetime and is within an erasure's reach")
    void everyKindNamingACustomer_hasALifetime() {
        for (ItemKind kind : ItemKind.values()) {
            if (kind.namesCustomer()) {
                assertThat(kind.bounded()).as(kind + ": " + kind.lifetime().rule()).isTrue();
            } else {
                assertThat(kind.pk()).as(kind + " names no customer: its key must not either")
                        .doesNotContain("<key>", "<referrer>", "<friend>");
            }
            if (kind.pk().startsWith(Keys.CUSTOMER_PREFIX)) {
                assertThat(kind.reach()).as(kind.toString()).isIn(ItemKind.Reach.PARTITION,
                        ItemKind.Reach.PARTITION_OR_DERIVED);
            }
        }
        assertThat(ItemKind.RECEIPT.lifetime().after()).isEqualTo(InboundReceipt.RETENTION);
        assertThat(ItemKind.OUTBOUND.lifetime().after()).isEqualTo(java.time.Duration.ofDays(30));
    }

    @Test
    @DisplayName("Keys' Javadoc and the README document every kind and its lifetime")
    void everyKind_isDocumented() throws IOException {
        String keys = Files.readString(ROOT.resolve("shared/src/main/java/io/playloop/store/Keys.java"),
                StandardCharsets.UTF_8);
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        for (ItemKind kind : ItemKind.values()) {
            String sk = "{@code " + kind.sk() + "}";
            assertThat(keys).as("Keys' table lists " + kind).contains("<td>" + kind.label() + "</td>");
            assertThat(keys).as("Keys' table gives the sort key of " + kind).contains(sk);
            assertThat(readme).as("README lists " + kind).contains("| " + kind.label() + " |");
            assertThat(readme).as("README gives the lifetime of " + kind).contains(kind.lifetime().rule());
        }
    }

    @Test
    void theKindOfAnItem_isReadFromItsKeys() {
        assertThat(ItemKind.of("CUSTOMER#33612345678", "PROFILE")).contains(ItemKind.PROFILE);
        assertThat(ItemKind.of("CUSTOMER#33612345678", "INBOUND#wamid.A")).contains(ItemKind.RECEIPT);
        assertThat(ItemKind.of("CUSTOMER#33612345678", "OUTBOUND#wamid.B")).contains(ItemKind.SENT);
        assertThat(ItemKind.of("CUSTOMER#33612345678", "LB#demo#2026-W48")).contains(ItemKind.WEEKLY_SCORE);
        assertThat(ItemKind.of("COUPON#OFF10-ABCD-EFGH", "COUPON")).contains(ItemKind.COUPON);
        assertThat(ItemKind.of("CUSTOMER#33612345678", "SOMETHING_NEW")).isEmpty();
    }

    /** The key builders (public static methods returning a key map) no kind names. */
    static List<String> unregisteredBuilders(Class<?>... keyClasses) {
        Set<String> registered = Arrays.stream(ItemKind.values()).flatMap(k -> k.builders().stream())
                .collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(builderNames(keyClasses));
        missing.removeAll(registered);
        return List.copyOf(missing);
    }

    private static Set<String> builderNames(Class<?>... keyClasses) {
        Set<String> names = new TreeSet<>();
        for (Class<?> c : keyClasses) {
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())
                        && Map.class.isAssignableFrom(m.getReturnType())) {
                    names.add(c.getSimpleName() + "." + m.getName());
                }
            }
        }
        return names;
    }

    /** What a future change might add: a new item kind's key builder, not registered. */
    static final class KeysWithAnUnregisteredBuilder {
        public static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> parkedRecord(
                String id) {
            return Map.of();
        }

        public static String partitionOfSomething(String id) {
            return "SOMETHING#" + id; // a partition builder, not an item's key: not counted
        }
    }
}
