package io.playloop.crm;

/**
 * Remembers the highest version each sink took for each customer, so a redelivered record does not push
 * again to a sink that already has it, and an older state never replaces a newer one at a sink this log
 * has seen. {@link InMemoryDeliveryLog} remembers for the life of a warm Lambda container (SQS usually
 * redelivers to one); a DynamoDB-backed log would remember across containers. Without any log, pushes
 * are repeated, which is harmless: every sink upserts the same values, and webhook receivers dedupe on
 * the delivery id.
 */
public interface DeliveryLog {
    /** Remembers nothing: every call pushes to every sink. */
    DeliveryLog NONE = new DeliveryLog() {
        @Override
        public long deliveredVersion(String sink, String customerKey) {
            return -1;
        }

        @Override
        public void delivered(String sink, String customerKey, long version) {
        }

        @Override
        public void forget(String sink, String customerKey) {
        }
    };

    /** The highest version the sink took for the customer, or -1 when unknown. */
    long deliveredVersion(String sink, String customerKey);

    /** Records that the sink took this version. */
    void delivered(String sink, String customerKey, long version);

    /**
     * Forgets the customer at the sink (they were erased there): a new customer with the same key starts again at
     * version 1, which must not count as already delivered.
     */
    void forget(String sink, String customerKey);
}
