package io.playloop.local.esm;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchVerdictTest {
    private static final List<String> IDS = List.of("m1", "m2", "m3");

    private static SQSBatchResponse failures(String... ids) {
        return new SQSBatchResponse(java.util.Arrays.stream(ids).map(SQSBatchResponse.BatchItemFailure::new).toList());
    }

    @Test
    void listedFailures_areRetried_andTheRestDeleted() {
        BatchVerdict v = BatchVerdict.of(IDS, failures("m2"), null, true);
        assertThat(v.succeeded()).containsExactly("m1", "m3");
        assertThat(v.failed()).containsExactly("m2");
        assertThat(v.wholeBatch()).isFalse();
    }

    @Test
    void noFailures_nullResponse_orNullList_meanSuccess() {
        assertThat(BatchVerdict.of(IDS, failures(), null, true).succeeded()).isEqualTo(IDS);
        assertThat(BatchVerdict.of(IDS, null, null, true).succeeded()).isEqualTo(IDS);
        assertThat(BatchVerdict.of(IDS, new SQSBatchResponse(), null, true).succeeded()).isEqualTo(IDS);
    }

    @Test
    void aThrownHandler_retriesTheWholeBatch() {
        BatchVerdict v = BatchVerdict.of(IDS, null, new IllegalStateException("boom"), true);
        assertThat(v.succeeded()).isEmpty();
        assertThat(v.failed()).isEqualTo(IDS);
        assertThat(v.wholeBatch()).isTrue();
        assertThat(v.reason()).contains("boom");
    }

    @Test
    void anEmptyOrUnknownIdentifier_failsTheWholeBatch() {
        BatchVerdict empty = BatchVerdict.of(IDS, failures(""), null, true);
        BatchVerdict unknown = BatchVerdict.of(IDS, failures("m9"), null, true);
        BatchVerdict nullId = BatchVerdict.of(IDS, Map.of("batchItemFailures", List.of(Map.of())), null, true);

        assertThat(empty.failed()).isEqualTo(IDS);
        assertThat(empty.wholeBatch()).isTrue();
        assertThat(unknown.failed()).isEqualTo(IDS);
        assertThat(unknown.reason()).contains("m9");
        assertThat(nullId.failed()).isEqualTo(IDS);
    }

    @Test
    void aResponseThatIsNotAnObject_failsTheWholeBatch() {
        assertThat(BatchVerdict.of(IDS, "ok", null, true).wholeBatch()).isTrue();
    }

    @Test
    void withoutReportBatchItemFailures_theResponseIsIgnored() {
        BatchVerdict v = BatchVerdict.of(IDS, failures("m2"), null, false);
        assertThat(v.succeeded()).isEqualTo(IDS);
        assertThat(v.failed()).isEmpty();
    }
}
