package io.playloop.local;

import static io.playloop.local.LocalCloudClient.buttonIds;
import static io.playloop.local.LocalCloudClient.readable;
import static io.playloop.local.LocalCloudClient.rowIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.mechanic.DomainEvent;
import io.playloop.store.Keys;
import io.playloop.store.StepItems;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The demo's daily scratch card end to end through a local cloud: typed in English, French and Arabic, tapped from
 * the PLAY menu, once per local day, its slice and events in the table.
 */
class ScratchConversationIT extends LocalCloudConversation {

    @Test
    void theScratchCard_playsOncePerDay_inEnglishFrenchAndArabic_andFromTheMenu() throws Exception {
        String en = "16505550301";
        String fr = "33600000301";
        String ar = "971500000301";
        client.say(en, "Sam", "hello");
        client.say(fr, "Chloé", "bonjour");
        client.say(ar, "ليلى", "مرحبا");

        JsonNode scratchedEn = client.say(en, "Sam", "scratch");
        JsonNode scratchedFr = client.say(fr, "Chloé", "gratter");
        JsonNode scratchedAr = client.say(ar, "ليلى", "اكشط");
        JsonNode againEn = client.say(en, "Sam", "scratch card");

        assertThat(readable(scratchedEn)).containsAnyOf("You scratched", "Not this time!");
        assertThat(readable(scratchedFr)).containsAnyOf("Vous avez gratté", "Pas de gain");
        assertThat(readable(scratchedAr)).containsAnyOf("كشطت", "لا ربح");
        assertThat(buttonIds(scratchedEn)).contains("cmd:PLAY");
        assertThat(readable(againEn)).startsWith("You've scratched today's card.");

        JsonNode menu = client.say(fr, "Chloé", "JOUER");
        assertThat(rowIds(menu)).contains("cmd:SCRATCH");
        client.advanceClock(Duration.ofDays(1));
        JsonNode tapped = client.tap(fr, "Chloé", true, "cmd:SCRATCH", "Ticket à gratter");
        assertThat(readable(tapped)).containsAnyOf("Vous avez gratté", "Pas de gain");

        Map<String, AttributeValue> slice = cloud.dynamoDb().getItem(b -> b.tableName(cloud.tableName())
                .key(Keys.mechanicItem(fr, "SCRATCH")).consistentRead(true)).item();
        assertThat(slice.get("version").n()).isEqualTo("2");
        List<DomainEvent> events = cloud.dynamoDb().query(b -> b.tableName(cloud.tableName())
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :in)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.CUSTOMER_PREFIX + fr),
                                ":in", AttributeValue.fromS(Keys.INBOUND_PREFIX))).consistentRead(true))
                .items().stream().flatMap(i -> StepItems.events(i).stream()).toList();
        assertThat(events.stream().filter(e -> e instanceof DomainEvent.GamePlayed g && g.mechanic().equals("scratch")))
                .hasSize(2);
        assertThat(events).extracting(DomainEvent::id).doesNotHaveDuplicates();
    }
}
