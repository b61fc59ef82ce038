package io.playloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

class CapacityMeterTest {

    @Test
    void aTotalWithoutSplit_countsAsTheKindOfCallMade() {
        CapacityMeter meter = new CapacityMeter();

        meter.recordRead(List.of(ConsumedCapacity.builder().tableName("t").capacityUnits(2.0).build()));
        meter.recordWrite(List.of(ConsumedCapacity.builder().tableName("t").capacityUnits(4.0).build()));
        meter.recordWrite(ConsumedCapacity.builder().tableName("t").capacityUnits(1.0).build());

        assertThat(meter.reading()).isEqualTo(new CapacityMeter.Reading(2.0, 5.0, 3));
    }

    @Test
    void aReportedSplit_isUsedAsGiven() {
        CapacityMeter meter = new CapacityMeter();

        meter.recordWrite(ConsumedCapacity.builder().capacityUnits(3.0).readCapacityUnits(1.0).writeCapacityUnits(2.0)
                .build());

        assertThat(meter.reading()).isEqualTo(new CapacityMeter.Reading(1.0, 2.0, 1));
    }

    @Test
    void aFailedCallWithoutReport_countsAsARequestOnly() {
        CapacityMeter meter = new CapacityMeter();

        meter.recordWrite((ConsumedCapacity) null);
        meter.recordRead((List<ConsumedCapacity>) null);

        assertThat(meter.reading()).isEqualTo(new CapacityMeter.Reading(0, 0, 2));
    }
}
