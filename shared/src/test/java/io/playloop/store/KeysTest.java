package io.playloop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class KeysTest {

    @Test
    void keyShapes_areTheDocumentedOnes() {
        assertThat(Keys.customer("33612345678")).isEqualTo(Map.of(
                "pk", AttributeValue.fromS("CUSTOMER#33612345678"), "sk", AttributeValue.fromS("PROFILE")));
        assertThat(Keys.receipt("33612345678", "wamid.ABC=")).isEqualTo(Map.of(
                "pk", AttributeValue.fromS("CUSTOMER#33612345678"), "sk", AttributeValue.fromS("INBOUND#wamid.ABC=")));
        assertThat(Keys.consent("US.13491208655302741918", Instant.parse("2026-11-23T10:15:30Z"), "wamid.X"))
                .isEqualTo(Map.of("pk", AttributeValue.fromS("CUSTOMER#US.13491208655302741918"),
                        "sk", AttributeValue.fromS("CONSENT#2026-11-23T10:15:30.000Z#wamid.X")));
    }

    @Test
    void consentSortKeys_orderByTime_evenWhereInstantToStringWouldNot() {
        Instant whole = Instant.parse("2026-11-23T10:15:30Z");
        Instant halfSecondLater = Instant.parse("2026-11-23T10:15:30.500Z");
        Instant nextDay = Instant.parse("2026-11-24T00:00:00Z");
        assertThat(whole.toString()).isGreaterThan(halfSecondLater.toString()); // why Keys.sortable exists

        List<String> sortKeys = new ArrayList<>(List.of(
                Keys.consent("k", nextDay, "wamid.C").get(Keys.SK).s(),
                Keys.consent("k", halfSecondLater, "wamid.B").get(Keys.SK).s(),
                Keys.consent("k", whole, "wamid.A").get(Keys.SK).s()));
        sortKeys.sort(null);

        assertThat(sortKeys).extracting(sk -> sk.substring(sk.lastIndexOf('#') + 1))
                .containsExactly("wamid.A", "wamid.B", "wamid.C");
    }

    @Test
    void noKeyIsEverBuiltFromAnEmptyValue() {
        assertThatThrownBy(() -> Keys.customer("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customer key");
        assertThatThrownBy(() -> Keys.customer(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keys.receipt("k", "  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wamid");
        assertThatThrownBy(() -> Keys.consent("k", Instant.EPOCH, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keys.consent("k", null, "wamid.X")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void receiptsAreKeptLongerThanMetaRetriesWebhooks() {
        assertThat(InboundReceipt.RETENTION).isGreaterThan(java.time.Duration.ofDays(7));
    }
}
