package io.playloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.store.Keys;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 10's replay: a signed webhook carries no time, so a captured SPIN posted again after its receipt's 8 days
 * would spin again. The door acknowledges a message sent more than 7 days 12 hours ago and does not queue it.
 */
class ReplayIT extends LocalCloudConversation {

    @Test
    void aSpinReplayedNineDaysLater_isAcknowledged_andNeitherSpinsNorAnswers() throws Exception {
        String waId = "33677700011";
        client.say(waId, "Nour", "hello");
        String spin = client.textWebhook(waId, "Nour", "SPIN");
        assertThat(client.postWebhook(spin)).isEqualTo(200);
        client.drain();
        int replies = client.outbox(waId).size();
        Map<String, AttributeValue> wheel = wheel(waId);
        assertThat(wheel).as("the wheel turned once").isNotEmpty();

        client.advanceClock(Duration.ofDays(9)); // the receipt (8 days) is gone; Meta stopped retrying after 7
        assertThat(client.postWebhook(spin)).as("acknowledged, so nobody redelivers it").isEqualTo(200);
        client.drain();

        assertThat(client.outbox(waId)).as("no second answer").hasSize(replies);
        assertThat(wheel(waId)).as("the wheel did not turn again").isEqualTo(wheel);
    }

    private static Map<String, AttributeValue> wheel(String waId) {
        return cloud.dynamoDb().getItem(b -> b.tableName(cloud.tableName()).key(Keys.spin(waId)).consistentRead(true))
                .item();
    }
}
