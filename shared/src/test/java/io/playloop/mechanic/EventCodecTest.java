package io.playloop.mechanic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receipt's compact events: every kind comes back with its id, and a step's events stay small. */
class EventCodecTest {
    static final String WAMID = "wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQzQTdGQjJBMEE1QjA0QjQ0QjM4RgA=";

    static List<DomainEvent> everyKind() {
        return List.of(new DomainEvent.MessageReceived("", "quiz"), new DomainEvent.GamePlayed("", "scratch", "prize:off-20"),
                new DomainEvent.PointsEarned("", 10, "scratch.bonus"), new DomainEvent.PointsSpent("", 50, "redeem.coffee"),
                new DomainEvent.PointsExpired("", 3), new DomainEvent.RewardIssued("", "scratch:off-20:" + WAMID, "scratch:off-20"),
                new DomainEvent.RewardRedeemed("", "spin:wamid.X"), new DomainEvent.BadgeAwarded("", "first-win"),
                new DomainEvent.TierChanged("", "", "silver"), new DomainEvent.ChallengeCompleted("", "quiz-week#2026-W47"),
                new DomainEvent.ReferralAttributed(""), new DomainEvent.ReferralQualified(""),
                new DomainEvent.ConsentGiven("", "button"), new DomainEvent.ConsentWithdrawn("", "keyword"),
                new DomainEvent.ReminderSent("", "inactive"), new DomainEvent.OrderApplied("", "order"));
    }

    @Test
    void everyKindOfEvent_comesBackWithItsIdFromTheReceiptsKey() {
        List<DomainEvent> numbered = new ArrayList<>();
        for (DomainEvent e : everyKind()) {
            numbered.add(e.withId(DomainEvent.idOf(WAMID, numbered.size())));
        }

        assertThat(EventCodec.read(WAMID, EventCodec.write(numbered))).isEqualTo(numbered);
        assertThat(EventCodec.read(WAMID, EventCodec.write(List.of()))).isEmpty();
        assertThat(EventCodec.read(WAMID, null)).isEmpty();
    }

    @Test
    void aTypicalStep_addsAFewDozenBytesToItsReceipt() {
        List<DomainEvent> step = List.of(new DomainEvent.MessageReceived("", "scratch"),
                new DomainEvent.GamePlayed("", "scratch", "prize:bonus-10"),
                new DomainEvent.PointsEarned("", 10, "scratch.bonus"));

        assertThat(EventCodec.write(step).getBytes(StandardCharsets.UTF_8).length).isLessThan(60);
    }

    @Test
    void eventsOfAnotherVersion_areRefused_notMisread() {
        assertThatThrownBy(() -> EventCodec.read(WAMID, "2\u001emr\u001fquiz")).isInstanceOf(IllegalArgumentException.class);
    }
}
