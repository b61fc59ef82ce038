package io.playloop.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.store.ConcurrentUpdateException;
import io.playloop.whatsapp.outbound.GraphApiException;
import io.playloop.whatsapp.outbound.GraphError;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class FailureKindsTest {
    private static DynamoDbException dynamo(int status, String code) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
    }

    @Test
    void anItemOrKeyOverDynamoDbsLimits_isPermanent() {
        assertThat(FailureKinds.of(dynamo(400, "ValidationException"))).isEqualTo(FailureKind.PERMANENT);
        assertThat(FailureKinds.errorType(dynamo(400, "ValidationException")))
                .isEqualTo("DynamoDbException:ValidationException");
        TransactionCanceledException tooBig = TransactionCanceledException.builder().statusCode(400)
                .cancellationReasons(CancellationReason.builder().code("None").build(),
                        CancellationReason.builder().code("ValidationError").build()).build();
        assertThat(FailureKinds.of(tooBig)).isEqualTo(FailureKind.PERMANENT);
        // The dead-letter attribute names the item's reason, not only "cancelled".
        assertThat(FailureKinds.errorType(tooBig)).isEqualTo("TransactionCanceledException:ValidationError");
    }

    @Test
    void throttlesOutagesAndTimeouts_areTransient() {
        assertThat(FailureKinds.of(ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build())
                .build())).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKinds.of(dynamo(500, "InternalServerError"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKinds.of(SdkClientException.create("timeout"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKinds.of(new ConcurrentUpdateException("33612345678"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKinds.of(TransactionCanceledException.builder().statusCode(400)
                .cancellationReasons(CancellationReason.builder().code("TransactionConflict").build()).build()))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKinds.of(new IllegalStateException("wrapped", SdkClientException.create("reset"))))
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void theGraphApi_isTransientOnlyWhenMetaSaysRetry() {
        GraphApiException throttled = new GraphApiException(new GraphError(400, 130429, 0, null, "rate", null, null));
        GraphApiException undeliverable = new GraphApiException(new GraphError(400, 131026, 0, null, "no", null, null));

        assertThat(FailureKinds.of(throttled)).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKinds.of(undeliverable)).isEqualTo(FailureKind.PERMANENT);
        assertThat(FailureKinds.errorType(throttled)).isEqualTo("GraphApiException:130429");
    }

    @Test
    void anUnknownFailure_isPermanent_soItCannotBlockItsCustomerForever() {
        assertThat(FailureKinds.of(new NullPointerException())).isEqualTo(FailureKind.PERMANENT);
        assertThat(FailureKinds.of(new IllegalArgumentException("key"))).isEqualTo(FailureKind.PERMANENT);
    }
}
