package io.playloop.local;

import io.playloop.engine.Customer;
import io.playloop.ledger.LedgerResult;
import io.playloop.ledger.PointsAccount;
import io.playloop.store.CapacityMeter;
import io.playloop.store.Commit;
import io.playloop.store.DynamoGameStore;
import io.playloop.store.InboundReceipt;
import io.playloop.store.PointsWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** State the conversation tests put straight into the local cloud's table. */
final class Seeds {
    private Seeds() {
    }

    /** Gives a customer who said hello {@code points}, as if earned an hour before the local cloud's now. */
    static void points(RunningLocalCloud cloud, LocalCloudClient client, String waId, long points) throws Exception {
        DynamoGameStore store = new DynamoGameStore(cloud.dynamoDb(), cloud.tableName(), new CapacityMeter());
        Instant now = client.now();
        Customer customer = store.load(waId, "wamid.none", now).customer().orElseThrow();
        LedgerResult.Applied grant = (LedgerResult.Applied) PointsAccount.empty().grant(points, "seed",
                "seed:" + waId, now.minusSeconds(3600), now.plus(Duration.ofDays(300)));
        store.commit(new Commit(new InboundReceipt("wamid.seed-" + waId, waId, InboundReceipt.Status.NO_REPLY, null,
                "seed", now, now.plus(InboundReceipt.RETENTION)), customer, customer.version(), Optional.empty(),
                Optional.of(new PointsWrite(grant.account(), 0, grant.entries()))));
    }
}
