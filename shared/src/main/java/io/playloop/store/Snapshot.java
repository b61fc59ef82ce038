package io.playloop.store;

import io.playloop.engine.Customer;
import java.util.Optional;

/**
 * The state read before processing one inbound message.
 *
 * @param customer the stored customer, empty on first contact
 * @param receipt  the live receipt of this wamid, empty when it was never processed (or its record expired)
 */
public record Snapshot(Optional<Customer> customer, Optional<InboundReceipt> receipt) {
}
