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
 * A {@link GameStore} that refuses, as DynamoDB does, a message whose receipt key is over the sort key's 1,024 bytes
 * (a 3,000-character wamid): every read of it fails with a ValidationException.
 */
final class KeySizeLimitedStore implements GameStore {
    private static final int MAX_SORT_KEY_BYTES = 1024;

    private final GameStore store;

    KeySizeLimitedStore(GameStore store) {
        this.store = store;
    }

    @Override
    public Snapshot load(String customerKey, String wamid, Optional<ReferralCode> code, Instant now) {
        String sk = Keys.receipt(customerKey, wamid).get(Keys.SK).s();
        if (sk.getBytes(StandardCharsets.UTF_8).length > MAX_SORT_KEY_BYTES) {
            throw (DynamoDbException) DynamoDbException.builder().statusCode(400)
                    .message("One or more parameter values were invalid: Aggregated size of all range keys has exceeded"
                            + " the size limit of 1024 bytes")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build()).build();
        }
        return store.load(customerKey, wamid, code, now);
    }

    @Override
    public void commit(Commit commit) {
        store.commit(commit);
    }

    @Override
    public void markReplySent(String customerKey, String wamid, String sentWamid, Instant at, boolean keepJobs) {
        store.markReplySent(customerKey, wamid, sentWamid, at, keepJobs);
    }

    @Override
    public void markReplyDropped(String customerKey, String wamid, boolean keepJobs) {
        store.markReplyDropped(customerKey, wamid, keepJobs);
    }

    @Override
    public void markJobsSent(String customerKey, String wamid) {
        store.markJobsSent(customerKey, wamid);
    }
}
