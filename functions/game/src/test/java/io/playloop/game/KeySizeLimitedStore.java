package io.playloop.game;

import io.playloop.games.referral.ReferralCode;
import io.playloop.store.Commit;
import io.playloop.store.GameStore;
import io.playloop.store.Keys;
import io.playloop.store.Snapshot;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * A {@link GameStore} that refuses, as DynamoDB does, a message whose receipt key is over the partition key's 2,048
 * bytes (a 3,000-character wamid): every read of it fails with a ValidationException.
 */
final class KeySizeLimitedStore implements GameStore {
    private static final int MAX_PARTITION_KEY_BYTES = 2048;

    private final GameStore store;

    KeySizeLimitedStore(GameStore store) {
        this.store = store;
    }

    @Override
    public Snapshot load(String customerKey, String wamid, Optional<ReferralCode> code, Instant now) {
        String pk = Keys.receipt(wamid).get(Keys.PK).s();
        if (pk.getBytes(StandardCharsets.UTF_8).length > MAX_PARTITION_KEY_BYTES) {
            throw (DynamoDbException) DynamoDbException.builder().statusCode(400)
                    .message("One or more parameter values were invalid: Size of hashkey has exceeded the maximum"
                            + " size limit of 2048 bytes")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build()).build();
        }
        return store.load(customerKey, wamid, code, now);
    }

    @Override
    public void commit(Commit commit) {
        store.commit(commit);
    }

    @Override
    public void markReplySent(String wamid, String sentWamid, Instant at) {
        store.markReplySent(wamid, sentWamid, at);
    }

    @Override
    public void markReplyAbandoned(String wamid, Instant at) {
        store.markReplyAbandoned(wamid, at);
    }

    @Override
    public void markJobsSent(String wamid) {
        store.markJobsSent(wamid);
    }
}
